namespace OrleansGenres.Host.Configuration;

/// <summary>
/// Which parts of the service this process runs (configuration <c>Roles</c>, e.g. <c>api,analysis</c>), like silos
/// with roles: one process with all of them by default, one Deployment per role on Kubernetes.
/// </summary>
[Flags]
public enum HostRoles
{
    None = 0,
    Api = 1,
    Analysis = 2,
    Training = 4,
    All = Api | Analysis | Training,
}
