namespace PolicyBot.Bench.Feeds;

/// <summary>
/// The vocabulary of the synthetic feeds, written for this benchmark (no news prose is copied), about fictitious labs,
/// people and models. Sentences are put together from short parts (at most four words each), so two articles share a
/// run of five words only when they happen to pick the same neighbouring parts: different articles read as different
/// statements to PolicyBot's clustering, as different outlets' stories mostly do. Placeholders: {lab}, {person},
/// {model}, {agency}, {count}, {weekday}, {outlet}.
/// </summary>
internal static class ProsePhrases
{
    public static readonly string[] Labs =
    [
        "Fernhollow AI Lab", "Quillmere Research", "Brightwater Labs", "Saltmarsh AI",
        "Oakridge Intelligence", "Larkspur Systems", "Cobaltline AI", "Northmere Institute",
    ];

    public static readonly string[] People =
    [
        "Ada Lindqvist", "Tomas Ferreira", "Mei Okafor", "Rafael Duarte",
        "Ingrid Achterberg", "Kwame Hollis", "Priya Ramanathan", "Soren Vale",
    ];

    public static readonly string[] Models = ["Heron-7B", "Wren-70B", "Kestrel-2", "Plover-Mini", "Tern-405B", "Gannet-3"];

    public static readonly string[] Agencies =
    [
        "the Digital Standards Office", "the National Compute Council", "the Select Committee on Technology", "the Ministry of Science",
    ];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Outlets = ["reporters", "a trade magazine", "a podcast", "local radio", "an industry conference", "lawmakers"];

    /// <summary>Who speaks in a policy sentence.</summary>
    public static readonly string[] PolicySpeakers =
    [
        "{lab}", "{person}", "{agency}", "Critics", "Open-source advocates", "Several researchers", "Industry lawyers",
        "Smaller developers", "Civil-society groups", "A group of academics", "Two senior engineers", "Investors",
    ];

    public static readonly string[] Verbs =
    [
        "said on {weekday} that", "argued that", "warned that", "told {outlet} that", "wrote that",
        "insisted that", "conceded that", "suggested that", "doubted that", "predicted that",
    ];

    /// <summary>What a policy sentence is about: most carry one of PolicyBot's topic terms and an AI context word.</summary>
    public static readonly string[] PolicySubjects =
    [
        "open weights", "open-source models", "the {model} weights", "model weights", "open-weights models",
        "closed models", "open-source AI", "proprietary models", "frontier models", "the next {model}",
    ];

    public static readonly string[] Modals = ["should", "will", "could", "must not", "may soon", "would", "cannot", "ought to"];

    public static readonly string[] PolicyPredicates =
    [
        "be published openly", "stay proprietary", "face new rules", "be reviewed first", "remain freely available",
        "help independent researchers", "concentrate market power", "be withheld", "need a risk assessment",
        "ship with model cards", "be fine-tuned safely", "lose their safeguards", "be audited externally", "replace hosted access",
    ];

    public static readonly string[] PolicyTails =
    [
        "before the year ends", "under a permissive licence", "in the European market", "after an external audit",
        "for research use only", "once the review finishes", "despite the safety concerns", "as draft rules require",
        "within {count} days", "at least for now", "under an open licence", "for smaller companies",
    ];

    /// <summary>General technology news, with nothing about AI policy (a few mention non-AI open source, as real feeds do).</summary>
    public static readonly string[] OtherSpeakers =
    [
        "The city council", "The retailer", "The chipmaker", "Rail operators", "The regulator", "The startup",
        "Analysts", "Engineers", "The bank", "Weather forecasters", "The game studio", "Volunteers",
    ];

    public static readonly string[] OtherSubjects =
    [
        "battery prices", "the new phone", "the outage", "the firmware update", "its mobile app", "the merger",
        "ticket sales", "fibre coverage", "the open-source office suite", "the satellite launch", "e-bike recalls", "chip demand",
    ];

    public static readonly string[] OtherPredicates =
    [
        "fall again", "be delayed", "improve next year", "draw complaints", "face scrutiny", "reach {count} towns",
        "cost more", "recover slowly", "need another fix", "beat expectations", "be cancelled", "double in size",
    ];

    public static readonly string[] OtherTails =
    [
        "by next spring", "in the second quarter", "after the holidays", "according to a survey", "for most customers",
        "despite the weather", "across {count} regions", "before the summer", "in rural areas", "for the third time",
    ];

    public static readonly string[] PolicyTitles =
    [
        "{lab} to release {model} weights openly",
        "{lab} signals caution on open-sourcing frontier models",
        "{agency} consults on rules for open-weights AI",
        "Open-source AI developers push back on draft liability rules",
        "{person} defends open model releases",
        "Is {lab} stepping back from open weights?",
    ];

    public static readonly string[] OtherTitles =
    [
        "Council backs fibre expansion", "Battery prices keep falling", "Outage blamed on load balancer",
        "Chipmaker warns on car demand", "Rail operators trial contactless tickets", "E-bike recall widens",
        "Thermostat update restores boiler support", "Game studio delays launch", "Satellite launch slips a day",
    ];

    /// <summary>How an edit made in a later round begins (the rest of the sentence is composed like any other).</summary>
    public static readonly string[] UpdateOpeners = ["Update:", "Correction:"];
}
