namespace PolicyBot.Bench.Feeds;

/// <summary>
/// The vocabulary of the synthetic feeds: sentences written for this benchmark (no news prose is copied), about
/// fictitious labs, people and models. Placeholders: {lab}, {person}, {model}, {agency}, {count}, {weekday}, {outlet}, {quote}.
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

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Outlets = ["this newsletter", "reporters in Brussels", "a trade magazine", "a podcast", "local radio", "an industry conference"];

    /// <summary>Quotes are put together from three parts, so articles quote different words unless they report the same statement.</summary>
    public static readonly string[] QuoteOpeners =
    [
        "Open weights let universities and small companies check our work",
        "We remain committed to open science",
        "Closing the weights would not make anyone safer",
        "We will be careful about what we open-source",
        "Publishing model weights is how the field learns",
        "Our largest models will stay behind an API for now",
        "Open-source AI is not a loophole",
        "Regulators should look at uses, not at whether weights are public",
    ];

    public static readonly string[] QuoteMiddles =
    [
        "and the evidence from the last two years backs that up",
        "but some weights may be withheld if a review finds a release would not be responsible",
        "because a closed model cannot be audited by anyone outside the company",
        "even though our competitors have chosen a different path",
        "and we expect our next release to follow the same rules",
        "while the safety research catches up with the capabilities",
        "since most of the risk sits in how a model is deployed",
        "and we have told the government as much",
    ];

    public static readonly string[] QuoteClosers =
    [
        "We will publish the details next month.",
        "That is our position today.",
        "Nobody should mistake caution for a change of heart.",
        "The licence will say so plainly.",
        "We owe developers that clarity.",
        "We will revisit it once the rules are settled.",
    ];

    public static readonly string[] Models = ["Heron-7B", "Wren-70B", "Kestrel-2", "Plover-Mini", "Tern-405B", "Gannet-3"];

    public static readonly string[] Agencies =
    [
        "the Digital Standards Office", "the National Compute Council", "the Select Committee on Technology", "the Ministry of Science",
    ];

    /// <summary>Sentences about open-source / open-weights AI policy: the analyzer's real work.</summary>
    public static readonly string[] PolicySentences =
    [
        "{lab} said on {weekday} that it would publish the full weights of {model} under a permissive licence.",
        "{person}, head of policy at {lab}, said on {weekday}: \"{quote}\"",
        "The company has not said whether the next generation of its frontier models will be released openly.",
        "{person} told reporters that {lab} \"will be careful about what we open-source\" once a model passes an internal capability threshold.",
        "Critics argue that releasing model weights makes it trivial to strip away safety fine-tuning.",
        "Supporters of open-source AI counter that closed models concentrate power in a handful of firms.",
        "{agency} is consulting on whether developers of open-weights models should file a risk assessment before release.",
        "The draft guidance exempts open-source models trained below a compute threshold from most reporting duties.",
        "{lab} committed to publishing a model card, evaluation results and a training-data summary with every open release.",
        "\"{quote}\" {person} wrote in a post on {weekday}.",
        "Researchers noted that the licence bars the largest platforms from using the model, which some say is not open source by the OSI definition.",
        "The Open Source Initiative's definition asks that the weights, the code and enough information about the training data be available.",
        "{lab} previously described open-sourcing its models as central to its strategy.",
        "Developers who build on {model} worry that a move to a closed licence would strand their products.",
        "{agency} said it had no plans to restrict the publication of open model weights but would keep the question under review.",
        "Several labs have moved from releasing weights to offering access only through a hosted API.",
        "{person} argued that open-weights models are essential for independent safety research.",
        "The statement marks a change of tone from last year, when {lab} pledged to open-source every model it trained.",
        "Lawmakers asked whether developers of open-source AI could be held liable for misuse further down the line.",
        "{lab} will keep releasing smaller models openly while its largest system stays proprietary, {person} said.",
        "\"{quote}\" {person} said in a statement to {outlet}.",
        "{lab} said the {model} weights would be available for download on the same day as its hosted service.",
    ];

    /// <summary>General technology news with nothing about AI policy (a few mention non-AI open source, as real feeds do).</summary>
    public static readonly string[] OtherSentences =
    [
        "The city council approved a plan to extend the fibre network to {count} more households by next spring.",
        "Battery prices fell for the third quarter in a row, according to an industry survey.",
        "The new phone keeps the headphone jack but drops the memory-card slot.",
        "Engineers traced the outage to a misconfigured load balancer in one data centre.",
        "The chipmaker said demand from car manufacturers remained weak.",
        "Rail operators will trial contactless ticketing on {count} regional routes.",
        "The update fixes a bug that drained batteries when Bluetooth was left on.",
        "Analysts expect the merger to face scrutiny from competition regulators.",
        "The satellite launch was postponed by a day because of high winds.",
        "The startup raised {count} million in a funding round led by existing investors.",
        "The open-source office suite gained support for the latest spreadsheet formats.",
        "The company said the recall affects about {count} thousand e-bikes sold since March.",
        "Prices for second-hand graphics cards have returned to where they were before the shortage.",
        "The regulator fined the operator for publishing inaccurate coverage maps.",
        "Users reported that the app's dark mode now follows the system setting.",
        "The retailer plans to close {count} stores and expand its click-and-collect service.",
        "Weather forecasters will move to a new supercomputer next year.",
        "A firmware update for the smart thermostat restores support for older boilers.",
        "The court ruled that the patent on the hinge design was invalid.",
        "Volunteers maintain the open-source mapping project that many cycling apps rely on.",
        "The conference moved online after the venue flooded.",
        "The game studio delayed its release to next year to fix performance problems.",
        "Shares rose four per cent after the quarterly results beat expectations.",
        "The bank said its app would be unavailable overnight for maintenance.",
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

    /// <summary>Edits appended to a policy item in a later round (the diff and the analyzer see them).</summary>
    public static readonly string[] PolicyUpdates =
    [
        "Update: {lab} later clarified that the {model} weights will be published within 30 days.",
        "Update: a {lab} spokesperson said the company's open-weights policy is unchanged and that {model} will stay closed for now.",
    ];

    public static readonly string[] OtherUpdates =
    [
        "Correction: an earlier version of this article gave the wrong launch date.",
        "Update: the company has since confirmed the figures.",
    ];
}
