namespace OrleansGenres.Native;

/// <summary>Facts about libgenres_native.so and the check that the loaded build matches this assembly.</summary>
public static class GenresNative
{
    /// <summary>The name every [LibraryImport] of the bridge uses (resolved to libgenres_native.so next to the app).</summary>
    public const string Name = "genres_native";

    /// <summary>Must equal GN_ABI_VERSION in genres_native.h.</summary>
    public const int AbiVersion = 6;

    /// <summary>
    /// Loads the library and checks its ABI version; throws a <see cref="NativeException"/> that says what to do.
    /// Every decoder is opened after this call, so a stale or missing build fails here with a clear message.
    /// </summary>
    public static void EnsureCompatible()
    {
        int loaded;
        try
        {
            loaded = NativeMethods.AbiVersion();
        }
        catch (DllNotFoundException e)
        {
            throw new NativeException(
                NativeStatus.UnknownError,
                $"libgenres_native.so could not be loaded ({e.Message}). Build the solution with `dotnet build` " +
                "(it needs cmake, g++ and the libav*-dev packages: run the README's set-up command).");
        }

        if (loaded != AbiVersion)
        {
            throw new NativeException(
                NativeStatus.UnknownError,
                $"libgenres_native.so has ABI version {loaded}, this build expects {AbiVersion}: rebuild the solution.");
        }
    }
}
