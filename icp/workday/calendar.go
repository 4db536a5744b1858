package workday

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/internal/tsv"
)

// China is China Standard Time, UTC+8, the zone of every date in this
// package: mainland China has kept it all year since 1991, so it is a fixed
// zone and needs no time-zone database. A time.Time in any zone is taken
// at its civil date in China: 2026-11-30 20:00 UTC is 2026-12-01.
var China = norm.China

// MinYear and MaxYear bound the years a calendar answers for, covered or
// not. A date outside them (a year of ±11 million, say) is an error rather
// than a day number that wraps.
const (
	MinYear = 1
	MaxYear = 9999
)

// ErrOutsideCalendar is returned for a date outside [MinYear] to
// [MaxYear]. Dates outside the years the holiday data covers are answered
// with weekends only and marked approximate instead.
var ErrOutsideCalendar = errors.New("workday: date outside the years a calendar answers for")

// A CalendarError names the date outside [MinYear] to [MaxYear].
type CalendarError struct {
	Date  time.Time
	Years [2]int // MinYear and MaxYear
}

// Error implements the error interface, naming the date and the years.
func (e *CalendarError) Error() string {
	return fmt.Sprintf("%v: year %d (allowed: %d–%d)", ErrOutsideCalendar, e.Date.In(China).Year(), e.Years[0], e.Years[1])
}

// Unwrap returns ErrOutsideCalendar.
func (e *CalendarError) Unwrap() error { return ErrOutsideCalendar }

// YearNotice is the State Council notice behind one year of a calendar.
type YearNotice struct {
	Year   int
	Status string // CONFIRMED or UNCERTAIN
	Notice string
}

// Calendar is the working-day calendar of mainland China: statutory
// holidays (off) and make-up working days (work) per year, each year citing
// its State Council notice. It is immutable and safe for concurrent use;
// [Default] returns the embedded one, [Calendar.Extend] adds years.
type Calendar struct {
	version string
	years   map[int]YearNotice
	first   int
	last    int
	start   day     // day number of 1 January of first
	status  []uint8 // per day from start: dayWork or dayOff
}

// day counts days from 1970-01-01; int64, so that no year of MinYear to
// MaxYear wraps.
type day = int64

const (
	dayWork uint8 = 1
	dayOff  uint8 = 2
)

//go:embed data/holidays.tsv
var dataFS embed.FS

var defaultCalendar = tsv.Embedded(dataFS, "holidays.tsv", func(name string, r io.Reader) (*Calendar, error) {
	return loadCalendar(name, r, nil)
})

// Default returns the embedded calendar (icp/workday/data/holidays.tsv),
// loaded once on first use.
func Default() *Calendar { return defaultCalendar() }

// Load reads a calendar in the format of icp/workday/data/holidays.tsv.
func Load(r io.Reader) (*Calendar, error) { return loadCalendar("<input>", r, nil) }

// Extend returns a calendar with the years of r added, replacing years that
// c already has: a panel can load next year's notice without a release.
func (c *Calendar) Extend(r io.Reader) (*Calendar, error) { return loadCalendar("<input>", r, c) }

type calRow struct {
	d   time.Time
	off bool
}

func loadCalendar(name string, r io.Reader, base *Calendar) (*Calendar, error) {
	years := map[int]YearNotice{}
	rows := map[int][]calRow{}
	cur := 0
	version := ""
	line, err := tsv.Read(r, tsv.MaxData, func(_ int, k, v string) error {
		switch k {
		case "version":
			version = v
		case "year":
			f := strings.SplitN(v, " ", 3)
			if len(f) < 3 {
				return errors.New("want #@ year YYYY STATUS notice")
			}
			y, err := strconv.Atoi(f[0])
			if err != nil || y < 1990 || y > 2200 {
				return fmt.Errorf("year %q", f[0])
			}
			if err := tsv.CheckStatus(f[1]); err != nil {
				return err
			}
			if strings.TrimSpace(f[2]) == "" {
				return errors.New("missing notice")
			}
			years[y] = YearNotice{Year: y, Status: f[1], Notice: f[2]}
			cur = y
		default:
			return fmt.Errorf("unknown directive %q", k)
		}
		return nil
	}, func(_ int, c []string) error {
		if len(c) != 3 {
			return errors.New("want date, off|work, name")
		}
		if cur == 0 {
			return errors.New("row before any #@ year line")
		}
		d, err := time.Parse(time.DateOnly, c[0])
		if err != nil {
			return fmt.Errorf("date %q", c[0])
		}
		if d.Year() != cur && !(d.Year() == cur-1 && d.Month() == time.December) {
			return fmt.Errorf("%s is not in the %d notice's year", c[0], cur)
		}
		if c[1] != "off" && c[1] != "work" {
			return fmt.Errorf("want off or work, got %q", c[1])
		}
		rows[cur] = append(rows[cur], calRow{d, c[1] == "off"})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("workday: %s:%d: %w", name, line, err)
	}
	if base != nil {
		for y, n := range base.years {
			if _, replaced := years[y]; replaced {
				continue
			}
			years[y] = n
			rows[y] = base.rowsOf(y)
		}
		if version == "" {
			version = base.version
		}
	}
	if len(years) == 0 {
		return nil, fmt.Errorf("workday: %s: no #@ year line", name)
	}
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	for i := 1; i < len(ys); i++ {
		if ys[i] != ys[i-1]+1 {
			return nil, fmt.Errorf("workday: %s: years %d and %d leave a gap", name, ys[i-1], ys[i])
		}
	}
	cal := &Calendar{version: version, years: years, first: ys[0], last: ys[len(ys)-1]}
	cal.start = dayNum(time.Date(cal.first, 1, 1, 0, 0, 0, 0, time.UTC))
	end := dayNum(time.Date(cal.last, 12, 31, 0, 0, 0, 0, time.UTC))
	cal.status = make([]uint8, end-cal.start+1)
	for i := range cal.status {
		if weekday(cal.start + day(i)) {
			cal.status[i] = dayWork
		} else {
			cal.status[i] = dayOff
		}
	}
	for _, y := range ys {
		for _, r := range rows[y] {
			i := dayNum(r.d) - cal.start
			if i < 0 || int(i) >= len(cal.status) {
				continue
			}
			if r.off {
				cal.status[i] = dayOff
			} else {
				cal.status[i] = dayWork
			}
		}
	}
	return cal, nil
}

// rowsOf returns a year's rows as differences from the weekend rule.
func (c *Calendar) rowsOf(y int) []calRow {
	var out []calRow
	for d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == y; d = d.AddDate(0, 0, 1) {
		i := dayNum(d) - c.start
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		switch st := c.status[i]; {
		case st == dayOff && !weekend:
			out = append(out, calRow{d, true})
		case st == dayWork && weekend:
			out = append(out, calRow{d, false})
		}
	}
	return out
}

// dayNum is the day number of t's date as it is (the rows of a file are
// dates, not instants).
func dayNum(t time.Time) day {
	y, m, d := t.Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// weekday reports whether day i is Monday to Friday (1970-01-01 was a
// Thursday).
func weekday(i day) bool {
	wd := ((i+4)%7 + 7) % 7
	return wd != int64(time.Saturday) && wd != int64(time.Sunday)
}

// civil returns the day number of t's civil date in China, or an error for
// a year outside MinYear to MaxYear.
func civil(t time.Time) (day, error) {
	c := t.In(China)
	if y := c.Year(); y < MinYear || y > MaxYear {
		return 0, &CalendarError{Date: t, Years: [2]int{MinYear, MaxYear}}
	}
	return dayNum(c), nil
}

// dateOf returns midnight in China of day i.
func dateOf(i day) time.Time {
	u := time.Unix(i*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, China)
}

// Version returns the data version.
func (c *Calendar) Version() string { return c.version }

// Years returns the notices of the years covered, in order.
func (c *Calendar) Years() []YearNotice {
	out := make([]YearNotice, 0, len(c.years))
	for y := c.first; y <= c.last; y++ {
		out = append(out, c.years[y])
	}
	return out
}

// Coverage returns the first and last day of the holiday data, at
// midnight in [China]. Outside them the calendar counts weekends only and
// marks its answers approximate.
func (c *Calendar) Coverage() (first, last time.Time) {
	return dateOf(c.start), dateOf(c.start + day(len(c.status)) - 1)
}

// Covers reports whether the holiday data covers the civil date of t in
// China.
func (c *Calendar) Covers(t time.Time) bool {
	i, err := civil(t)
	return err == nil && c.covers(i)
}

func (c *Calendar) covers(i day) bool { return i >= c.start && i < c.start+day(len(c.status)) }

// work reports whether day i is a working day: from the data where it
// covers i, else by the weekend rule.
func (c *Calendar) work(i day) bool {
	if c.covers(i) {
		return c.status[i-c.start] == dayWork
	}
	return weekday(i)
}

// IsWorkday reports whether the civil date of d in [China] is a working
// day. Outside [Calendar.Coverage] it answers by the weekend rule and
// approx is true. The error is a [*CalendarError] for a year outside
// [MinYear] to [MaxYear].
func (c *Calendar) IsWorkday(d time.Time) (work, approx bool, err error) {
	i, err := civil(d)
	if err != nil {
		return false, false, err
	}
	return c.work(i), !c.covers(i), nil
}

// AddWorkdays returns the date n working days after the civil date of d in
// [China], at midnight in China: counting starts the day after d, so
// AddWorkdays(Friday, 1) is the next working day. n must be at least 0.
// Days past the holiday data count by the weekend rule and approx is true:
// a count is never refused for running past [Calendar.Coverage]. The
// error is for a negative n or a year outside [MinYear] to [MaxYear]. It
// does not allocate, and its time is bounded by the years covered,
// whatever n.
func (c *Calendar) AddWorkdays(d time.Time, n int) (due time.Time, approx bool, err error) {
	if n < 0 {
		return time.Time{}, false, fmt.Errorf("workday: AddWorkdays: negative count %d", n)
	}
	i, err := civil(d)
	if err != nil {
		return time.Time{}, false, err
	}
	end := c.start + day(len(c.status)) // first day after the data
	left := int64(n)
	for left > 0 {
		switch {
		case i+1 >= c.start && i+1 < end:
			i++
			if c.status[i-c.start] == dayWork {
				left--
			}
		case i+1 >= end:
			approx = true
			i = addWeekdays(i, left)
			left = 0
		default: // before the data: weekdays up to the day before it
			approx = true
			if w := weekdaysBetween(i, c.start-1); w >= left {
				i = addWeekdays(i, left)
				left = 0
			} else {
				left -= w
				i = c.start - 1
			}
		}
	}
	if y := time.Unix(i*86400, 0).UTC().Year(); y > MaxYear {
		return time.Time{}, false, &CalendarError{Date: time.Unix(i*86400, 0), Years: [2]int{MinYear, MaxYear}}
	}
	return dateOf(i), approx, nil
}

// addWeekdays returns the day n (≥ 1) weekdays after i.
func addWeekdays(i day, n int64) day {
	weeks := (n - 1) / 5
	i += 7 * weeks
	n -= 5 * weeks
	for n > 0 {
		i++
		if weekday(i) {
			n--
		}
	}
	return i
}

// weekdaysBetween counts the weekdays after a up to and including b.
func weekdaysBetween(a, b day) int64 {
	if b <= a {
		return 0
	}
	weeks := (b - a) / 7
	n := 5 * weeks
	for i := a + 7*weeks + 1; i <= b; i++ {
		if weekday(i) {
			n++
		}
	}
	return n
}

// WorkdaysBetween returns the number of working days after the civil date
// of a up to and including that of b, in [China] (0 when b is not after
// a). Days outside [Calendar.Coverage] count by the weekend rule and approx
// is true. The error is for a year outside [MinYear] to [MaxYear].
func (c *Calendar) WorkdaysBetween(a, b time.Time) (n int, approx bool, err error) {
	i, err := civil(a)
	if err != nil {
		return 0, false, err
	}
	j, err := civil(b)
	if err != nil {
		return 0, false, err
	}
	if j <= i {
		return 0, false, nil
	}
	end := c.start + day(len(c.status))
	var count int64
	// Before the data.
	if i < c.start-1 {
		approx = true
		count += weekdaysBetween(i, min(j, c.start-1))
		i = min(j, c.start-1)
	}
	// The data.
	for ; i < j && i+1 < end; i++ {
		if c.status[i+1-c.start] == dayWork {
			count++
		}
	}
	// After it.
	if i < j {
		approx = true
		count += weekdaysBetween(i, j)
	}
	return int(count), approx, nil
}
