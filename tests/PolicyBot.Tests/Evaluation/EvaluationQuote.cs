namespace PolicyBot.Tests.Evaluation;

/// <summary>One labelled direct quote; <see cref="Key"/> marks the quotes an alert must carry.</summary>
public sealed record EvaluationQuote(string Text, string? Speaker, string? Org, string? Stance, bool Key);
