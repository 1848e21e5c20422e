namespace PolicyBot.Analysis;

/// <summary>
/// Scores topic relevance in [0,1] from explainable evidence. Evidence E = 2 per distinct term in the title +
/// 1 per distinct term in the body + 0.5 per repeated body hit (at most 4 counted); topic = 1 − e^(−E/2).
/// Known actors scale it: score = topic × (0.75 + 0.25 × min(1, actors / 2)), so actors alone never make a
/// document relevant, and they lift a topical one by at most a third.
/// </summary>
internal static class RelevanceScorer
{
    public static double Score(int titleDistinct, int bodyDistinct, int bodyHits, int actors)
    {
        var repeats = Math.Clamp(bodyHits - bodyDistinct, 0, 4);
        var evidence = (2.0 * titleDistinct) + bodyDistinct + (0.5 * repeats);
        var topic = 1.0 - Math.Exp(-evidence / 2.0);
        var actorFactor = 0.75 + (0.25 * Math.Min(1.0, actors / 2.0));
        return Math.Round(Math.Clamp(topic * actorFactor, 0.0, 1.0), 4);
    }
}
