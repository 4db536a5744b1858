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

	"github.com/icpkit/icpkit/internal/tsv"
)

// ErrOutsideCalendar is returned for a date whose year the calendar has no
// data for: a working-day count there would be a guess.
var ErrOutsideCalendar = errors.New("workday: date outside the holiday calendar")

// A CalendarError names the date outside the calendar.
type CalendarError struct {
	Date  time.Time
	Years [2]int // first and last year covered
}

// Error implements the error interface, naming the date and the years covered.
func (e *CalendarError) Error() string {
	return fmt.Sprintf("%v: %s (covered: %d–%d)", ErrOutsideCalendar, e.Date.Format(time.DateOnly), e.Years[0], e.Years[1])
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

type day = int32

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
		wd := time.Weekday((int(cal.start) + i + 4) % 7) // 1970-01-01 was a Thursday
		if wd == time.Saturday || wd == time.Sunday {
			cal.status[i] = dayOff
		} else {
			cal.status[i] = dayWork
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

func dayNum(t time.Time) day {
	y, m, d := t.Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
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

func (c *Calendar) index(t time.Time) (int, error) {
	i := int(dayNum(t) - c.start)
	if i < 0 || i >= len(c.status) {
		return 0, &CalendarError{Date: t, Years: [2]int{c.first, c.last}}
	}
	return i, nil
}

// IsWorkday reports whether the calendar date of d is a working day.
func (c *Calendar) IsWorkday(d time.Time) (bool, error) {
	i, err := c.index(d)
	if err != nil {
		return false, err
	}
	return c.status[i] == dayWork, nil
}

// AddWorkdays returns the date n working days after d: counting starts the
// day after d, so AddWorkdays(Friday, 1) is the next working day. n must be
// at least 0. A count that runs past the calendar's last year is an error.
// It does not allocate on success.
func (c *Calendar) AddWorkdays(d time.Time, n int) (time.Time, error) {
	if n < 0 {
		return time.Time{}, fmt.Errorf("workday: AddWorkdays: negative count %d", n)
	}
	i, err := c.index(d)
	if err != nil {
		return time.Time{}, err
	}
	for n > 0 {
		i++
		if i >= len(c.status) {
			return time.Time{}, &CalendarError{Date: d.AddDate(0, 0, i-int(dayNum(d)-c.start)), Years: [2]int{c.first, c.last}}
		}
		if c.status[i] == dayWork {
			n--
		}
	}
	y, m, dd := d.Date()
	base := time.Date(y, m, dd, 0, 0, 0, 0, d.Location())
	return base.AddDate(0, 0, i-int(dayNum(d)-c.start)), nil
}

// WorkdaysBetween returns the number of working days after a up to and
// including b (0 when b is not after a).
func (c *Calendar) WorkdaysBetween(a, b time.Time) (int, error) {
	i, err := c.index(a)
	if err != nil {
		return 0, err
	}
	j, err := c.index(b)
	if err != nil {
		return 0, err
	}
	n := 0
	for k := i + 1; k <= j; k++ {
		if c.status[k] == dayWork {
			n++
		}
	}
	return n, nil
}
