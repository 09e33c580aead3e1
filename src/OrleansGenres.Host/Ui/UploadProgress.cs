namespace OrleansGenres.Host.Ui;

/// <summary>One file of a web UI upload, as the page shows it: how much has arrived, then what became of it.</summary>
public sealed class UploadProgress(string name)
{
    public string Name { get; } = name;

    public double Percent { get; set; }

    public string State { get; set; } = "uploading";

    public string? Error { get; private set; }

    public void Done(string trackStatus)
    {
        Percent = 100;
        State = trackStatus;
    }

    public void Fail(string reason)
    {
        Percent = 100;
        Error = reason;
    }
}
