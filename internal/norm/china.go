package norm

import "time"

// China is China Standard Time, UTC+8, the zone of every date the library
// reasons about (exported as workday.China): mainland China has kept it
// all year since 1991, so it is a fixed zone and needs no time-zone
// database.
var China = time.FixedZone("CST", 8*60*60)
