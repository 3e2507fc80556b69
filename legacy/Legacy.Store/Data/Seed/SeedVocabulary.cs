namespace Legacy.Store.Data.Seed;

/// <summary>Word lists the seed draws from, so the demo store reads like a real shop.</summary>
internal static class SeedVocabulary
{
    /// <summary>Slug, name, price range in cents, and the nouns products of that category are named after.</summary>
    public static readonly (string Slug, string Name, int MinCents, int MaxCents, string[] Nouns)[] Categories =
    [
        ("books", "Books", 799, 4999, ["Novel", "Cookbook", "Field Guide", "Atlas", "Biography", "Anthology", "Handbook"]),
        ("kitchen", "Kitchen", 499, 19999, ["Chef's Knife", "Skillet", "Dutch Oven", "Cutting Board", "Kettle", "Colander", "Whisk"]),
        ("garden", "Garden", 299, 14999, ["Pruning Shears", "Watering Can", "Planter", "Hose Reel", "Trowel", "Seed Kit", "Rake"]),
        ("electronics", "Electronics", 1499, 89999, ["Headphones", "Bluetooth Speaker", "Power Bank", "Webcam", "Smartwatch", "E-Reader", "Router"]),
        ("computers", "Computers", 1999, 249999, ["Laptop", "Monitor", "Keyboard", "Mouse", "Docking Station", "SSD", "Graphics Tablet"]),
        ("toys", "Toys", 399, 12999, ["Building Set", "Puzzle", "Plush Bear", "Board Game", "Kite", "Train Set", "Yo-Yo"]),
        ("sports", "Sports & Outdoors", 999, 59999, ["Tent", "Sleeping Bag", "Yoga Mat", "Dumbbell Set", "Running Vest", "Water Bottle", "Headlamp"]),
        ("clothing", "Clothing", 999, 24999, ["Rain Jacket", "Hoodie", "T-Shirt", "Wool Sweater", "Chinos", "Scarf", "Beanie"]),
        ("shoes", "Shoes", 2499, 24999, ["Trail Runner", "Sneaker", "Hiking Boot", "Loafer", "Sandal", "Slipper", "Chelsea Boot"]),
        ("beauty", "Beauty", 399, 9999, ["Face Cream", "Lip Balm", "Shampoo", "Body Lotion", "Hand Soap", "Serum", "Sunscreen"]),
        ("grocery", "Grocery", 149, 2999, ["Coffee Beans", "Olive Oil", "Green Tea", "Dark Chocolate", "Honey", "Granola", "Pasta"]),
        ("pets", "Pet Supplies", 299, 14999, ["Dog Bed", "Cat Tree", "Leash", "Chew Toy", "Food Bowl", "Litter Box", "Bird Feeder"]),
        ("office", "Office", 199, 39999, ["Notebook", "Desk Lamp", "Fountain Pen", "Desk Organizer", "Office Chair", "Stapler", "Whiteboard"]),
        ("music", "Music", 999, 149999, ["Acoustic Guitar", "Ukulele", "Keyboard Stand", "Guitar Strings", "Metronome", "Drum Pad", "Microphone"]),
        ("home", "Home & Living", 799, 79999, ["Throw Blanket", "Table Lamp", "Wall Clock", "Vase", "Cushion", "Picture Frame", "Candle"]),
        ("tools", "Tools", 599, 49999, ["Cordless Drill", "Screwdriver Set", "Tape Measure", "Hammer", "Spirit Level", "Socket Set", "Work Light"]),
        ("automotive", "Automotive", 499, 29999, ["Car Charger", "Dash Cam", "Tire Inflator", "Seat Cover", "Jump Starter", "Wiper Blades", "Phone Mount"]),
        ("baby", "Baby", 499, 39999, ["Stroller", "Baby Monitor", "Bottle Set", "Swaddle", "High Chair", "Teether", "Play Mat"]),
        ("health", "Health", 299, 19999, ["Vitamin D", "First Aid Kit", "Thermometer", "Massage Gun", "Heating Pad", "Pill Organizer", "Scale"]),
        ("games", "Video Games", 1999, 69999, ["Controller", "Racing Game", "Puzzle Game", "Gaming Headset", "Console Stand", "Role-Playing Game", "Charging Dock"]),
    ];

    public static readonly string[] Brands =
    [
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Adventure Works", "Litware", "Proseware", "Wingtip",
        "Alpine", "Blue Yonder", "Coho", "Lucerne", "Margie's", "Trey", "Woodgrove", "Fourth Coffee",
    ];

    public static readonly string[] Adjectives =
    [
        "Classic", "Compact", "Deluxe", "Essential", "Everyday", "Pro", "Lightweight", "Premium",
        "Rugged", "Slim", "Smart", "Vintage", "Eco", "Ultra", "Modern", "Heritage",
    ];

    public static readonly string[] Qualities =
    [
        "Built to last and easy to care for.", "A customer favourite for years.", "Tested by our own staff.",
        "Backed by a two-year warranty.", "Made from responsibly sourced materials.", "Great value for everyday use.",
        "Ships in recyclable packaging.", "Designed with professionals in mind.",
    ];

    public static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara", "Liam",
        "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor", "Wen", "Yusuf", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Anderson", "Brown", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Lopez", "Müller", "Nakamura", "O'Brien", "Patel", "Rossi", "Schmidt", "Tanaka", "Weber",
    ];

    public static readonly string[] Cities =
    [
        "Amsterdam", "Berlin", "Copenhagen", "Dublin", "Edinburgh", "Frankfurt", "Lisbon", "Lyon",
        "Madrid", "Milan", "Oslo", "Prague", "Stockholm", "Vienna", "Warsaw", "Zurich",
    ];
}
