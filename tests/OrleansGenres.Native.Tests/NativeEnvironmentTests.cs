namespace OrleansGenres.Native.Tests;

public sealed class NativeEnvironmentTests
{
    [Fact]
    public void Libgomp_idle_threads_sleep_unless_the_user_chose_otherwise()
    {
        var userChoice = Environment.GetEnvironmentVariable(NativeEnvironment.WaitPolicyVariable);

        NativeEnvironment.Prepare();

        // The native environment (what libgomp reads), not .NET's copy of it.
        Assert.Equal(userChoice ?? "PASSIVE", NativeEnvironment.GetNative(NativeEnvironment.WaitPolicyVariable));
    }
}
