namespace OrleansGenres.Ml.Inference;

/// <summary>What a model folder's <c>model.pt</c> holds.</summary>
public enum WeightsFormat
{
    /// <summary>A PyTorch state dict for the network the card's <c>model</c> describes (what `genres train` writes).</summary>
    StateDict,

    /// <summary>
    /// "Bring your own model": a TorchScript module traced or scripted in PyTorch, taking <c>[batch, 1, n_mels, frames]</c>
    /// log-mels of the card's front end and returning one logit per label; the card's <c>model</c> gives only
    /// <c>classes</c> and <c>nMels</c>. Used for tagging like ours; it cannot be trained further here.
    /// </summary>
    TorchScript,
}
