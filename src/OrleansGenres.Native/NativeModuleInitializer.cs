using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace OrleansGenres.Native;

internal static class NativeModuleInitializer
{
    // Before any call into genres_native from this assembly: see NativeEnvironment.
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "libgomp reads its wait policy when the bridge loads; this must run first.")]
    internal static void Initialize() => NativeEnvironment.Prepare();
}
