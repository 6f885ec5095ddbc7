"""Bounds on what one project may hold.

Every file we read is untrusted (emailed, months old, made by another tool), so each
string, list and archive member has a ceiling far above any real workshop's needs but
low enough that a hostile or broken file cannot exhaust a laptop's memory.
"""

MAX_NAME_CHARS = 500  # names, labels, titles
MAX_TEXT_CHARS = 100_000  # notes, summaries, worldview statements
MAX_STROKE_POINTS = 20_000

MAX_PERSPECTIVES = 200
MAX_VARIABLES = 100_000
MAX_LINKS = 500_000
MAX_RICH_PICTURE_ITEMS = 200_000
MAX_ROOT_DEFINITIONS = 5_000
MAX_CONCEPTUAL_MODELS = 5_000
MAX_ACTIVITIES = 2_000
MAX_ACTIONS = 10_000
MAX_STORYLINES = 200
MAX_STEPS = 2_000  # in one storyline
MAX_EVIDENCE = 50_000
MAX_ACTORS = 5_000
MAX_CHAIN_LINKS = 20_000
MAX_STOCKTAKES = 500
MAX_SNAPSHOTS = 200
MAX_SERVICES = 2_000
MAX_JOURNEYS = 1_000
MAX_TOUCHPOINTS = 20_000  # in one journey: years of a family's contacts

# The .ssm container
MAX_ARCHIVE_MEMBERS = 20_000
MAX_PROJECT_JSON_BYTES = 256 * 1024 * 1024
MAX_MEDIA_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000  # a 60-megapixel flip-chart photo is already generous
