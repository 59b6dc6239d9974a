// The words a synthetic catalog is made of (generate.ts): categories as the store writes them, the kinds of
// product in each, with a typical price, what tells one apart (attributes), what it is for (uses) and its
// tags. The words are the ones shoppers type — the search set's plurals, typos' targets, long queries and
// gift searches (eval/sets/search.jsonl) all find something in a generated catalog.

export interface KindSpec {
  kind: string;
  /** Median price in dollars; prices spread log-normally around it. */
  price: number;
  attributes: string[];
  uses: string[];
  tags: string[];
  /** What it is made of (or, for skincare, with). */
  materials: string[];
}

export interface CategorySpec {
  slug: string;
  brands: string[];
  /** Who it is for, said in a description. */
  audiences: string[];
  /** How a description says the material: "in" merino wool, "with" niacinamide. */
  madeWith?: "with";
  kinds: KindSpec[];
}

const list = (words: string) => words.split(",").map((word) => word.trim());
const k = (kind: string, price: number, attributes: string, uses: string, tags: string, materials: string): KindSpec => ({ kind, price, attributes: list(attributes), uses: list(uses), tags: list(tags), materials: list(materials) });

export const COLORS = list("black, white, navy, charcoal, sage green, sand, slate blue, burgundy, olive, stone grey, coral, forest green");
export const MODELS = list("Pro, Air, Lite, Max, Plus, Mini, Classic, Sport, Ultra, Studio, Trail, Go, Flex, Prime, Edge, One");

export const CATEGORIES: CategorySpec[] = [
  {
    slug: "electronics",
    brands: list("Voltia, Northsound, Lumina, Kestrel, Arcwave, Pixelon, Tandem, Orbitek, Quanta, Sonora"),
    audiences: list("students, commuters, remote workers, gamers, frequent travelers, creators"),
    kinds: [
      k("laptop", 850, "13-inch, 14-inch, 15.6-inch, 16-inch, thin, gaming, budget, 2-in-1", "work, school, travel, gaming, video editing, work from home", "portable, lightweight, ssd, long battery", "aluminum, magnesium alloy, recycled aluminum"),
      k("headphones", 160, "over-ear, on-ear, wireless, noise cancelling, foldable, studio", "travel, commuting, music, calls, work from home", "wireless, bluetooth, noise cancelling, long battery", "memory foam, aluminum, recycled plastic"),
      k("earbuds", 110, "wireless, noise cancelling, sport, open-ear, compact", "running, the gym, commuting, calls", "wireless, bluetooth, sweatproof, charging case", "recycled plastic, silicone"),
      k("smart watch", 240, "GPS, LTE, rugged, slim, solar", "running, fitness tracking, sleep tracking, hiking", "wearable, fitness tracking, heart rate, waterproof", "aluminum, titanium, stainless steel"),
      k("e-reader", 140, "6-inch, 7-inch, waterproof, color, backlit", "reading, travel, the beach, bedtime", "ebooks, reading, glare-free, long battery", "recycled plastic, aluminum"),
      k("action camera", 280, "4K, 5K, waterproof, 360-degree, mini", "surfing, cycling, skiing, vlogging, travel", "waterproof, stabilization, 4k video, mountable", "rubberized plastic, aluminum"),
      k("bluetooth speaker", 85, "portable, waterproof, rugged, party, mini", "the beach, camping, parties, the shower", "wireless, bluetooth, waterproof, bass", "fabric, rubberized plastic, aluminum"),
      k("tablet", 420, "10-inch, 11-inch, 12.9-inch, kids, drawing", "drawing, reading, streaming, note taking, school", "touchscreen, portable, stylus, long battery", "aluminum, recycled aluminum"),
      k("monitor", 260, "24-inch, 27-inch, 32-inch, 4K, curved, ultrawide", "work from home, gaming, photo editing, coding", "display, hdr, usb-c, adjustable stand", "aluminum, matte plastic"),
      k("keyboard", 85, "mechanical, wireless, low-profile, ergonomic, compact", "typing, gaming, coding, work from home", "backlit, wireless, quiet keys", "aluminum, PBT plastic"),
      k("mouse", 45, "wireless, ergonomic, gaming, vertical, silent", "work from home, gaming, design work", "wireless, precise, rechargeable", "matte plastic, recycled plastic"),
      k("webcam", 70, "1080p, 4K, wide-angle, streaming", "video calls, streaming, remote meetings", "usb, autofocus, built-in microphone", "aluminum, plastic"),
      k("power bank", 40, "10000mAh, 20000mAh, slim, solar, magnetic", "travel, camping, festivals, commuting", "portable charger, usb-c, fast charging", "aluminum, recycled plastic"),
      k("smart speaker", 90, "compact, stereo, voice-controlled, smart display", "music, smart home, kitchen timers, news", "voice assistant, wifi, smart home", "fabric, recycled plastic"),
    ],
  },
  {
    slug: "books",
    brands: list("Harbor House, Orbitale Press, Lantern Books, Meridian, Quillfield, Blue Heron Press, Northgate, Paperlight"),
    audiences: list("book lovers, book clubs, new readers, fans of the genre, commuters, teens"),
    kinds: [
      k("sci-fi book", 17, "space opera, first contact, time travel, dystopian, cyberpunk", "reading, long flights, book clubs", "science fiction, sci-fi, space, novel", "paperback, hardcover"),
      k("fantasy book", 18, "epic, dark, cozy, magic school, dragon", "reading, book clubs, series binges", "fantasy, magic, novel, series", "paperback, hardcover"),
      k("thriller book", 16, "psychological, legal, spy, crime, domestic", "beach reading, long flights, book clubs", "thriller, mystery, suspense, novel", "paperback, hardcover"),
      k("cookbook", 28, "vegetarian, baking, weeknight, Italian, one-pot, grilling", "cooking, baking, meal prep, entertaining", "recipes, cooking, kitchen, food", "hardcover, spiral-bound"),
      k("self-help book", 19, "habit, mindfulness, productivity, money, sleep", "personal growth, morning routines, new year goals", "self improvement, habits, wellbeing", "paperback, hardcover"),
      k("business book", 24, "leadership, startup, strategy, negotiation, investing", "careers, management, founders", "business, leadership, career", "paperback, hardcover"),
      k("biography", 22, "sports, music, political, explorer, scientist", "reading, history lovers, book clubs", "memoir, biography, true story", "paperback, hardcover"),
      k("children's book", 12, "picture, bedtime, first reader, activity, lift-the-flap", "bedtime, early readers, classrooms", "kids, picture book, read aloud", "board book, hardcover"),
      k("history book", 26, "ancient, medieval, world war, maritime, illustrated", "history lovers, students, gifts", "history, nonfiction, illustrated", "hardcover, paperback"),
      k("graphic novel", 20, "superhero, manga, memoir, fantasy, noir", "comics fans, teens, reading", "comics, illustrated, graphic novel", "paperback, hardcover"),
      k("travel guide", 21, "city, hiking, road trip, budget, pocket", "travel planning, backpacking, weekend trips", "travel, maps, itineraries", "paperback"),
    ],
  },
  {
    slug: "fitness",
    brands: list("IronPeak, Flowform, Stridelab, Corevia, Pulsewise, Apex Motion, Zenfit, Groundwork"),
    audiences: list("beginners, runners, yogis, home gym owners, athletes, busy parents"),
    kinds: [
      k("yoga mat", 45, "6 mm, 4 mm, extra thick, travel, non-slip, cork", "yoga, pilates, stretching, home workouts", "yoga, non-slip, eco-friendly, cushioned", "natural rubber, TPE foam, cork"),
      k("dumbbells", 70, "adjustable, hex, neoprene, 20 lb, 50 lb", "strength training, home gym, toning", "weights, strength, home gym", "cast iron, neoprene, steel"),
      k("kettlebell", 55, "cast iron, competition, adjustable, 16 kg, 24 kg", "swings, strength training, home gym", "weights, strength, conditioning", "cast iron, steel"),
      k("resistance bands", 25, "loop, long, fabric, heavy, set of 5", "stretching, physical therapy, travel workouts", "bands, mobility, portable", "latex, fabric"),
      k("foam roller", 30, "high-density, textured, vibrating, travel", "recovery, massage, mobility, runners", "recovery, massage, muscle relief", "EVA foam, EPP foam"),
      k("jump rope", 15, "weighted, speed, beaded, cordless", "cardio, boxing, crossfit", "cardio, conditioning, portable", "steel cable, PVC"),
      k("exercise bike", 480, "folding, magnetic, spin, recumbent", "cardio, home workouts, cycling", "indoor cycling, cardio, quiet", "steel"),
      k("treadmill", 850, "folding, under-desk, incline, compact", "running, walking, home gym", "cardio, running, home gym", "steel"),
      k("massage gun", 120, "mini, quiet, heated, pro", "recovery, sore muscles, athletes", "percussion, recovery, massage", "aluminum, plastic"),
      k("fitness tracker", 80, "slim, GPS, sleep, waterproof", "step counting, sleep tracking, running", "wearable, heart rate, activity tracking", "silicone, aluminum"),
      k("gym bag", 45, "duffel, backpack, waterproof, compact", "the gym, travel, sports", "bag, shoe compartment, durable", "recycled polyester, nylon"),
      k("pull-up bar", 35, "doorway, wall-mounted, multi-grip", "strength training, home gym, calisthenics", "upper body, strength, home gym", "steel"),
      k("weight bench", 180, "adjustable, flat, folding, incline", "strength training, home gym, bench press", "bench, home gym, strength", "steel"),
    ],
  },
  {
    slug: "fashion",
    brands: list("Northline, Fieldhouse, Cobble & Co, Marlow, Urbanite, Tidewater, Wren, Kinfolk Supply, Ashby"),
    audiences: list("everyday wear, commuters, weekend trips, the office, runners, men and women"),
    kinds: [
      k("sneakers", 90, "low-top, high-top, canvas, leather, knit, slip-on", "everyday wear, walking, casual outfits", "casual, comfortable, lightweight", "canvas, leather, recycled knit"),
      k("running shoes", 120, "cushioned, trail, lightweight, stability, racing", "running, marathon training, jogging, beginners", "running, breathable, cushioned", "breathable mesh, recycled knit"),
      k("jacket", 120, "puffer, rain, insulated, denim, bomber, fleece", "winter, cold days, city commuting, rainy days", "warm, water-resistant, outerwear", "recycled nylon, down, denim, fleece"),
      k("hoodie", 60, "pullover, zip-up, oversized, fleece-lined", "lounging, the gym, cool evenings", "cozy, casual, soft", "organic cotton, fleece"),
      k("jeans", 70, "slim, straight, relaxed, stretch, raw denim", "everyday wear, the office, weekends", "denim, classic, durable", "denim, stretch denim, organic cotton"),
      k("t-shirt", 25, "crew neck, v-neck, pocket, oversized, pack of 3", "everyday wear, layering, summer", "basic, breathable, soft", "organic cotton, linen, merino wool"),
      k("dress", 75, "wrap, midi, maxi, linen, shirt", "summer, weddings, the office, vacations", "summer, elegant, comfortable", "linen, cotton, silk"),
      k("sweater", 70, "crewneck, cable-knit, cardigan, turtleneck", "winter, layering, the office", "warm, knit, cozy", "merino wool, cashmere, cotton"),
      k("sunglasses", 85, "polarized, aviator, round, sport, oversized", "driving, the beach, running, travel", "uv protection, polarized, lightweight", "acetate, metal, recycled plastic"),
      k("socks", 15, "merino, running, hiking, ankle, pack of 6", "running, hiking, everyday wear", "cushioned, breathable, moisture-wicking", "merino wool, cotton"),
      k("scarf", 35, "wool, cashmere, chunky, silk", "winter, cold days, gifts", "warm, soft, accessory", "merino wool, cashmere, silk"),
      k("boots", 150, "chelsea, leather, waterproof, winter, combat", "winter, rainy days, city walking", "durable, waterproof, leather", "leather, suede"),
      k("backpack", 70, "everyday, laptop, roll-top, minimalist, commuter", "commuting, school, travel, work", "laptop sleeve, water-resistant, everyday carry", "recycled nylon, canvas, waxed canvas"),
    ],
  },
  {
    slug: "home-kitchen",
    brands: list("Hearthwell, Copperleaf, Brewhaus, Kitchenly, Oakmere, Simmer & Co, Vellora, Crumb"),
    audiences: list("home cooks, coffee lovers, busy families, small kitchens, bakers, new homeowners"),
    kinds: [
      k("coffee machine", 250, "bean-to-cup, pod, drip, compact, programmable", "lattes, cappuccinos, morning coffee, home", "coffee, espresso, milk frother", "stainless steel, brushed steel"),
      k("espresso machine", 420, "manual, semi-automatic, dual boiler, compact", "espresso, lattes at home, coffee lovers", "espresso, steam wand, barista", "stainless steel"),
      k("coffee maker", 70, "drip, pour-over, cold brew, French press, 12-cup", "morning coffee, offices, families", "coffee, carafe, programmable", "stainless steel, glass"),
      k("blender", 90, "high-speed, personal, countertop, immersion", "smoothies, crushing ice, soups, shakes", "smoothie, powerful, easy to clean", "BPA-free plastic, glass"),
      k("stand mixer", 320, "tilt-head, bowl-lift, 5-quart, compact", "baking, bread dough, cakes, cookies", "baking, mixer, attachments", "die-cast metal, stainless steel"),
      k("air fryer", 110, "5-quart, dual-basket, compact, oven-style", "crispy fries, quick dinners, reheating", "air fryer, healthy cooking, easy to clean", "stainless steel, matte plastic"),
      k("pressure cooker", 100, "6-quart, 8-quart, multicooker, electric", "stews, rice, beans, slow cooking", "multicooker, one-pot, quick meals", "stainless steel"),
      k("skillet", 45, "cast iron, nonstick, 10-inch, 12-inch, carbon steel", "searing, frying, everyday cooking", "frying pan, oven-safe, durable", "cast iron, carbon steel, aluminum"),
      k("dutch oven", 130, "enameled, 5-quart, 7-quart, round, oval", "braising, bread baking, soups", "cast iron, oven-safe, heirloom", "enameled cast iron, cast iron"),
      k("chef's knife", 70, "8-inch, Japanese, German steel, forged", "chopping, slicing, meal prep", "kitchen knife, sharp, balanced", "German steel, Damascus steel, carbon steel"),
      k("toaster", 50, "2-slice, 4-slice, long-slot, retro", "breakfast, bagels, families", "toaster, browning control, compact", "stainless steel, brushed steel"),
      k("electric kettle", 45, "gooseneck, temperature control, glass, fast-boil", "tea, pour-over coffee, quick boiling", "kettle, auto shut-off, cordless", "stainless steel, glass"),
      k("cookware set", 190, "nonstick, stainless, 10-piece, induction", "everyday cooking, new kitchens, gifts", "pots, pans, induction ready", "stainless steel, hard-anodized aluminum"),
      k("cutting board", 35, "end-grain, bamboo, set of 3, juice groove", "meal prep, serving, chopping", "board, knife-friendly, durable", "walnut, maple, bamboo"),
    ],
  },
  {
    slug: "outdoors",
    brands: list("Summitcraft, Trailhead, Ridgeway, Pinebrook, Alpenglow, Wildfern, Cairn & Co, Basecamp"),
    audiences: list("backpackers, families, weekend campers, hikers, beginners, thru-hikers"),
    kinds: [
      k("tent", 220, "2 person, 4 person, 6 person, ultralight, 3-season, pop-up", "camping, backpacking, festivals, family trips", "shelter, waterproof, lightweight, camping", "ripstop nylon, polyester"),
      k("sleeping bag", 120, "down, synthetic, mummy, 20-degree, ultralight", "camping, backpacking, cold nights", "warm, packable, camping", "down, synthetic insulation"),
      k("sleeping pad", 75, "inflatable, foam, insulated, self-inflating", "camping, backpacking, car camping", "camping mat, lightweight, insulated", "ripstop nylon, closed-cell foam"),
      k("hiking backpack", 150, "40-liter, 55-liter, 65-liter, daypack, ultralight", "hiking, backpacking, travel, day hikes", "rucksack, ventilated, rain cover", "ripstop nylon, recycled polyester"),
      k("hiking shoes", 130, "waterproof, mid, low, trail, leather", "hiking, trail walking, travel", "hiking boots, grippy, waterproof", "leather, waterproof mesh"),
      k("headlamp", 35, "rechargeable, 400-lumen, red light, ultralight", "camping, trail running, night hikes", "flashlight, hands-free, usb", "aluminum, plastic"),
      k("camp stove", 70, "backpacking, two-burner, canister, wood-burning", "camping, cooking outdoors, backpacking", "stove, compact, fast boil", "aluminum, stainless steel, titanium"),
      k("water bottle", 30, "insulated, 32 oz, filter, collapsible", "hiking, the gym, travel, school", "bottle, leakproof, bpa-free", "stainless steel, BPA-free plastic"),
      k("trekking poles", 60, "carbon, folding, aluminum, cork grip", "hiking, backpacking, steep trails", "poles, adjustable, lightweight", "carbon fiber, aluminum"),
      k("cooler", 160, "hard, soft, 45-quart, wheeled", "camping, tailgating, beach days", "ice retention, durable, portable", "rotomolded plastic, waterproof fabric"),
      k("camping chair", 50, "folding, low, rocking, ultralight", "camping, festivals, beach days", "chair, portable, cup holder", "aluminum, ripstop polyester"),
      k("hammock", 45, "double, ultralight, with straps, bug net", "camping, backyard, travel", "hammock, packable, relaxing", "parachute nylon, cotton"),
      k("rain jacket", 130, "packable, 3-layer, lightweight, hooded", "hiking, rainy days, travel", "waterproof, breathable, windproof", "waterproof nylon, recycled polyester"),
    ],
  },
  {
    slug: "beauty",
    madeWith: "with",
    brands: list("Lumiere, Dewdrop, Verdant Skin, Glowry, Purelle, Maison Rose, Finch & Fern, Solene"),
    audiences: list("dry skin, oily skin, sensitive skin, all skin types, everyday routines, makeup lovers"),
    kinds: [
      k("serum", 35, "vitamin C, hyaluronic, retinol, niacinamide, brightening", "skincare, dry skin, dull skin, fine lines", "skincare, hydrating, brightening", "hyaluronic acid, vitamin C, niacinamide, retinol"),
      k("moisturizer", 30, "gel, rich, oil-free, SPF 30, night", "dry skin, oily skin, daily skincare", "face cream, hydrating, lotion", "ceramides, shea butter, hyaluronic acid"),
      k("sunscreen", 20, "SPF 30, SPF 50, mineral, tinted, sport", "sun protection, the beach, daily wear", "spf, sunblock, broad spectrum", "zinc oxide, aloe"),
      k("cleanser", 18, "foaming, cream, oil, gentle, exfoliating", "skincare, oily skin, sensitive skin", "face wash, gentle, daily", "ceramides, salicylic acid, aloe"),
      k("lip balm", 8, "tinted, SPF, overnight, vanilla, mint", "dry lips, winter, everyday", "lip care, moisturizing, lip mask", "shea butter, beeswax"),
      k("lipstick", 22, "matte, satin, long-wear, nude, red", "makeup, evenings, everyday looks", "lip color, long-lasting, makeup", "shea butter, vitamin E"),
      k("mascara", 20, "volumizing, lengthening, waterproof, tubing", "makeup, everyday looks, special occasions", "lashes, makeup, smudge-proof", "vitamin E"),
      k("foundation", 35, "matte, dewy, full coverage, lightweight", "makeup, everyday looks, oily skin", "makeup, coverage, long-wear", "hyaluronic acid, niacinamide"),
      k("hair dryer", 120, "ionic, compact, travel, diffuser, fast-drying", "styling, travel, curly hair", "hairdryer, blow dryer, frizz control", "ceramic, tourmaline"),
      k("shaver", 90, "electric, foil, rotary, wet and dry, travel", "shaving, grooming, travel", "razor, trimmer, cordless", "stainless steel"),
      k("electric toothbrush", 80, "sonic, rotating, travel, kids", "oral care, sensitive teeth, travel", "toothbrush, rechargeable, timer", "recycled plastic"),
      k("face mask", 15, "clay, sheet, overnight, peel-off", "skincare, self care, oily skin", "mask, pore cleansing, hydrating", "kaolin clay, charcoal, aloe"),
      k("shampoo", 16, "sulfate-free, volumizing, repairing, clarifying", "hair care, curly hair, dry hair", "hair care, gentle, salon", "argan oil, tea tree"),
      k("perfume", 75, "floral, woody, citrus, fresh, amber", "gifts, evenings, everyday wear", "fragrance, eau de parfum, long-lasting", "bergamot, sandalwood, jasmine"),
    ],
  },
  {
    slug: "office",
    brands: list("Deskwell, Inkhaven, Worksmith, Papercraft, Ergonova, Ledger & Line, Brightdesk"),
    audiences: list("remote workers, students, small offices, writers, designers"),
    kinds: [
      k("office chair", 260, "ergonomic, mesh, high-back, executive, kneeling", "work from home, long hours, studying", "lumbar support, adjustable, desk chair", "mesh, vegan leather"),
      k("standing desk", 450, "electric, 48-inch, 60-inch, L-shaped, converter", "work from home, offices, gaming", "sit-stand, adjustable height, desk", "oak veneer, bamboo, steel"),
      k("desk lamp", 45, "LED, dimmable, clamp, architect, wireless charging", "reading, studying, late nights", "lamp, adjustable, eye care", "aluminum, steel"),
      k("notebook", 14, "dotted, lined, hardcover, A5, spiral", "journaling, note taking, bullet journals", "paper, stationery, journal", "recycled paper, vegan leather"),
      k("fountain pen", 40, "fine nib, medium nib, brass, demonstrator", "writing, journaling, gifts", "pen, ink, stationery", "brass, resin, aluminum"),
      k("planner", 22, "weekly, daily, undated, academic", "planning, goals, students", "organizer, calendar, stationery", "recycled paper, vegan leather"),
      k("monitor arm", 90, "single, dual, gas spring, clamp", "work from home, dual screens, desk setups", "ergonomic, adjustable, desk", "aluminum, steel"),
      k("desk organizer", 28, "wooden, mesh, drawer, cable", "tidy desks, offices, students", "storage, organizer, tidy", "oak, bamboo, steel mesh"),
      k("laptop stand", 40, "aluminum, adjustable, foldable, vertical", "work from home, travel, posture", "ergonomic, portable, cooling", "aluminum"),
      k("whiteboard", 60, "magnetic, glass, mobile, small", "planning, classrooms, brainstorming", "dry erase, board, office", "tempered glass, steel"),
    ],
  },
  {
    slug: "pets",
    brands: list("Pawsome, Tailwind, Whisker & Co, Barkley, Furrow, Happy Paws"),
    audiences: list("dog owners, cat lovers, puppies, senior pets, small breeds, large breeds"),
    kinds: [
      k("dog bed", 60, "orthopedic, bolster, washable, large, calming", "sleep, senior dogs, crates", "dog, comfortable, washable", "memory foam, recycled fabric"),
      k("dog food", 45, "grain-free, puppy, senior, salmon, chicken", "nutrition, sensitive stomachs, everyday feeding", "dog, kibble, natural", "real chicken, salmon"),
      k("cat tree", 90, "tall, compact, wall-mounted, with hammock", "climbing, scratching, napping", "cat, scratching post, play", "sisal, plush fabric"),
      k("cat litter", 20, "clumping, unscented, clay, pine", "odor control, multi-cat homes", "cat, low dust, clumping", "clay, pine"),
      k("dog leash", 22, "retractable, leather, hands-free, reflective", "walks, running, training", "dog, durable, reflective", "leather, nylon"),
      k("pet carrier", 50, "airline-approved, backpack, soft-sided, rolling", "travel, vet visits, flights", "carrier, ventilated, portable", "nylon, mesh"),
      k("dog toy", 12, "chew, squeaky, rope, puzzle, fetch", "play, chewing, training", "dog, durable, interactive", "natural rubber, rope"),
      k("cat toy", 10, "feather wand, laser, catnip, tunnel", "play, exercise, indoor cats", "cat, interactive, play", "feathers, felt"),
      k("aquarium", 120, "10-gallon, 20-gallon, nano, with filter", "fish keeping, beginners, living rooms", "fish tank, led, filter", "glass, acrylic"),
    ],
  },
  {
    slug: "toys",
    brands: list("Brightblock, Puzzleworks, Tinker Lane, Meeple House, Zoomy, Little Oak"),
    audiences: list("kids, families, teens, game nights, toddlers, curious minds"),
    kinds: [
      k("board game", 35, "strategy, family, cooperative, party, two-player", "game nights, families, gifts", "tabletop, fun, multiplayer", "cardboard, wood"),
      k("puzzle", 20, "1000-piece, 500-piece, wooden, 3D", "rainy days, relaxing, families", "jigsaw, brain teaser, gift", "recycled cardboard, wood"),
      k("building blocks", 50, "starter, city, space, magnetic, 500-piece", "creative play, STEM learning, kids", "construction, creative, educational", "recycled plastic, wood"),
      k("plush toy", 20, "teddy bear, dinosaur, bunny, giant", "cuddles, bedtime, gifts", "soft toy, stuffed animal, cuddly", "plush fabric, recycled polyester"),
      k("remote control car", 60, "off-road, drift, monster truck, waterproof", "outdoor play, racing, kids", "rc car, rechargeable, fast", "ABS plastic"),
      k("card game", 15, "party, family, strategy, travel", "game nights, travel, parties", "cards, quick to learn, fun", "cardstock"),
      k("science kit", 35, "chemistry, robotics, crystal growing, volcano", "STEM learning, curious kids, rainy days", "educational, experiments, stem", "lab-safe plastic"),
      k("kids scooter", 70, "3-wheel, foldable, light-up, adjustable", "outdoor play, commuting to school, kids", "scooter, sturdy, adjustable", "aluminum, steel"),
    ],
  },
];

/** Book titles are not "Brand Attribute Kind": "The Silent Orbit by Mara Quinn". */
export const TITLE_WORDS = {
  openers: list("The Silent, The Last, A Thousand, The Hidden, The Iron, Beyond the, The Glass, The Burning, Under the, The Long, Echoes of the, The Quiet, Children of the, The Lost, Across the"),
  nouns: list("Orbit, Crown, Harbor, Garden, Machine, Kingdom, Winter, River, Signal, Empire, Forest, Lantern, Storm, Archive, Horizon, Table, Kitchen, Habit, Compass, Tide"),
  first: list("Mara, Theo, Iris, Jonah, Priya, Felix, Nadia, Owen, Leila, Samuel, Hana, Marcus, Elena, Ravi, June"),
  last: list("Quinn, Okafor, Lindqvist, Moreau, Castillo, Whitfield, Tanaka, Brennan, Adeyemi, Sorensen, Varga, Holloway"),
};
