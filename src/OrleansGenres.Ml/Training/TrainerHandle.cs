using OrleansGenres.Ml.Models;
using OrleansGenres.Native;

namespace OrleansGenres.Ml.Training;

/// <summary>Owns a native gn_trainer and keeps the model it borrows alive until the trainer is released.</summary>
internal sealed class TrainerHandle : NativeHandle
{
    private ModelHandle? _model;

    /// <summary>Holds a reference on the model's handle so it cannot be freed while the trainer uses it.</summary>
    public void Borrow(ModelHandle model)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        _model = model;
    }

    protected override bool ReleaseHandle()
    {
        TrainerNativeMethods.Destroy(handle);
        _model?.DangerousRelease();
        return true;
    }
}
