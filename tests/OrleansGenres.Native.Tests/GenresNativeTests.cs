namespace OrleansGenres.Native.Tests;

public sealed class GenresNativeTests
{
    [Fact]
    public void Loaded_library_has_the_abi_this_build_expects()
    {
        GenresNative.EnsureCompatible();
    }
}
