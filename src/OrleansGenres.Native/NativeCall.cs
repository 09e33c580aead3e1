using System.Runtime.InteropServices;

namespace OrleansGenres.Native;

/// <summary>Turns a native status into a <see cref="NativeException"/> carrying the library's message.</summary>
public static class NativeCall
{
    public static void Check(int status)
    {
        if (status == (int)NativeStatus.Ok)
        {
            return;
        }

        var message = LastErrorMessage();
        throw new NativeException((NativeStatus)status, string.IsNullOrEmpty(message) ? $"native call failed ({(NativeStatus)status})" : message);
    }

    /// <summary>The message of the last failed native call on this thread ("" when none), for callers that map statuses themselves.</summary>
    public static string LastErrorMessage() => Marshal.PtrToStringUTF8(NativeMethods.LastErrorMessage()) ?? string.Empty;
}
