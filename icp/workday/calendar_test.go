package workday

import (
	"strings"
	"testing"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddWorkdaysVectors(t *testing.T) {
	cal := Default()
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"2026 Mid-Autumn and National Day", "2026-09-24", 5, "2026-10-09"},
		{"Friday + 1 lands on the make-up Saturday", "2026-02-13", 1, "2026-02-14"},
		{"across the 2026 Spring Festival", "2026-02-10", 10, "2026-03-02"},
		{"across May Day 2026", "2026-04-30", 3, "2026-05-08"},
		{"20 working days across National Day 2026", "2026-09-18", 20, "2026-10-22"},
		{"2025 National Day", "2025-09-30", 1, "2025-10-09"},
		{"Friday + 1 lands on the make-up Sunday", "2025-01-24", 1, "2025-01-26"},
		{"across New Year and Spring Festival 2025", "2024-12-31", 20, "2025-02-05"},
		{"zero days", "2026-11-26", 0, "2026-11-26"},
		{"plain week", "2026-11-26", 5, "2026-12-03"},
		{"2020 extended Spring Festival", "2020-01-23", 1, "2020-02-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, approx, err := cal.AddWorkdays(date(tt.from), tt.n)
			require.NoError(t, err)
			assert.False(t, approx)
			assert.Equal(t, tt.want, got.Format(time.DateOnly))
			assert.Equal(t, China, got.Location())
			n, approx, err := cal.WorkdaysBetween(date(tt.from), got)
			require.NoError(t, err)
			assert.False(t, approx)
			assert.Equal(t, tt.n, n, "WorkdaysBetween inverts AddWorkdays")
		})
	}
}

func TestIsWorkday(t *testing.T) {
	cal := Default()
	for d, want := range map[string]bool{
		"2026-09-20": true,  // make-up Sunday (a third-party dataset got it wrong)
		"2026-10-10": true,  // make-up Saturday
		"2026-10-01": false, // National Day
		"2026-02-23": false, // last day of the 2026 Spring Festival
		"2026-11-26": true,  // an ordinary Thursday
		"2026-11-28": false, // an ordinary Saturday
		"2022-12-31": false, // New Year 2023, set by the 2023 notice
	} {
		got, approx, err := cal.IsWorkday(date(d))
		require.NoError(t, err, d)
		assert.False(t, approx, d)
		assert.Equal(t, want, got, d)
	}
	_, _, err := cal.AddWorkdays(date("2026-01-05"), -1)
	assert.Error(t, err)
	years := cal.Years()
	require.Len(t, years, 8)
	for _, y := range years {
		assert.NotEmpty(t, y.Notice, y.Year)
	}
	assert.Equal(t, "UNCERTAIN", years[7].Status, "2027 is not read from the notice itself")
}

// TestCalendarAgainstLunarGo cross-checks every day of 2020–2027 with an
// independent table, 6tail/lunar-go's HolidayUtil (a test-only dependency).
func TestCalendarAgainstLunarGo(t *testing.T) {
	cal := Default()
	for d := date("2020-01-01"); d.Year() <= 2027; d = d.AddDate(0, 0, 1) {
		want := d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
		if h := HolidayUtil.GetHolidayByYmd(d.Year(), int(d.Month()), d.Day()); h != nil {
			want = h.IsWork()
		}
		got, _, err := cal.IsWorkday(d)
		require.NoError(t, err)
		if got != want {
			t.Errorf("%s: calendar says workday=%v, lunar-go says %v", d.Format(time.DateOnly), got, want)
		}
	}
}

func TestCalendarExtend(t *testing.T) {
	next := "#@ year 2028 UNCERTAIN test notice\n2028-01-03\toff\t元旦\n"
	cal, err := Default().Extend(strings.NewReader(next))
	require.NoError(t, err)
	ok, approx, err := cal.IsWorkday(date("2028-01-03"))
	require.NoError(t, err)
	assert.False(t, ok)
	assert.False(t, approx)
	ok, _, err = cal.IsWorkday(date("2026-10-10"))
	require.NoError(t, err)
	assert.True(t, ok, "old years survive")
	ok, approx, err = Default().IsWorkday(date("2028-01-03"))
	require.NoError(t, err)
	assert.True(t, ok && approx, "the default calendar is unchanged: a Monday by the weekend rule")

	for name, bad := range map[string]string{
		"gap":               "#@ year 2030 CONFIRMED x\n",
		"bad status":        "#@ year 2028 SURE x\n",
		"no notice":         "#@ year 2028 CONFIRMED\n",
		"bad kind":          "#@ year 2028 CONFIRMED x\n2028-01-03\tholiday\t元旦\n",
		"wrong year":        "#@ year 2028 CONFIRMED x\n2029-01-03\toff\t元旦\n",
		"bad date":          "#@ year 2028 CONFIRMED x\n2028-02-30\toff\t元旦\n",
		"row first":         "2028-01-03\toff\t元旦\n",
		"bad columns":       "#@ year 2028 CONFIRMED x\n2028-01-03\toff\n",
		"unknown directive": "#@ colour blue\n",
		"over 4 MiB":        strings.Repeat("# padding line\n", 300_000),
	} {
		_, err := Default().Extend(strings.NewReader(bad))
		assert.Error(t, err, name)
	}
	_, err = Load(strings.NewReader(""))
	assert.Error(t, err)
}

var sinkT time.Time

func TestAddWorkdaysNoAllocs(t *testing.T) {
	cal := Default()
	d := date("2026-09-18")
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkT, _, _ = cal.AddWorkdays(d, 20) }))
}

func BenchmarkAddWorkdays(b *testing.B) {
	cal := Default()
	d := date("2026-09-18")
	b.ReportAllocs()
	for b.Loop() {
		sinkT, _, _ = cal.AddWorkdays(d, 20)
	}
}

// TestChinaDate: the date is China's civil date, whatever the zone of the
// time given.
func TestChinaDate(t *testing.T) {
	cal := Default()
	utc := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC) // a Monday evening in UTC
	cst := time.Date(2026, 12, 1, 4, 0, 0, 0, time.FixedZone("+08", 8*3600))
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	for _, d := range []time.Time{utc, cst, utc.In(ny)} {
		due, approx, err := cal.AddWorkdays(d, 1)
		require.NoError(t, err)
		assert.False(t, approx)
		assert.Equal(t, "2026-12-02", due.Format(time.DateOnly), "the day after Tuesday 1 December, for %v", d)
		n, _, err := cal.WorkdaysBetween(d, date("2026-12-04"))
		require.NoError(t, err)
		assert.Equal(t, 3, n, "2, 3 and 4 December after %v", d)
	}
}

// TestPastCoverage: past the holiday data the calendar counts weekends
// only and says so; it never refuses a date after coverage, and refuses
// years no calendar has.
func TestPastCoverage(t *testing.T) {
	cal := Default()
	first, last := cal.Coverage()
	assert.Equal(t, "2020-01-01", first.Format(time.DateOnly))
	assert.Equal(t, "2027-12-31", last.Format(time.DateOnly))
	assert.True(t, cal.Covers(date("2027-12-31")))
	assert.False(t, cal.Covers(date("2028-01-01")))

	tests := []struct {
		name, from string
		n          int
		want       string
		approx     bool
	}{
		{"a filing of 2027-12-20 runs into 2028", "2027-12-20", 20, "2028-01-17", true},
		{"wholly in 2028", "2028-03-01", 5, "2028-03-08", true},
		{"far ahead", "2100-01-01", 20, "2100-01-29", true},
		{"from before the data into it", "2019-12-30", 3, "2020-01-03", true},
		{"a huge count stays fast", "2026-01-01", 1_000_000, "", true}, // checked by WorkdaysBetween
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, approx, err := cal.AddWorkdays(date(tt.from), tt.n)
			require.NoError(t, err)
			if tt.want != "" {
				assert.Equal(t, tt.want, got.Format(time.DateOnly))
			}
			assert.Equal(t, tt.approx, approx)
			n, approx, err := cal.WorkdaysBetween(date(tt.from), got)
			require.NoError(t, err)
			assert.Equal(t, tt.n, n, "WorkdaysBetween inverts AddWorkdays")
			assert.True(t, approx)
		})
	}
	ok, approx, err := cal.IsWorkday(date("2019-12-31"))
	require.NoError(t, err)
	assert.True(t, ok && approx, "a Tuesday before the data")

	for _, y := range []int{11_000_000, -11_000_000, 0, 10000} {
		d := time.Date(y, 1, 5, 0, 0, 0, 0, time.UTC)
		_, _, err := cal.AddWorkdays(d, 20)
		assert.ErrorIs(t, err, ErrOutsideCalendar, y)
		_, _, err = cal.IsWorkday(d)
		assert.ErrorIs(t, err, ErrOutsideCalendar, y)
		_, _, err = cal.WorkdaysBetween(date("2026-01-01"), d)
		assert.ErrorIs(t, err, ErrOutsideCalendar, y)
	}
	_, _, err = cal.AddWorkdays(date("9999-12-30"), 10)
	assert.ErrorIs(t, err, ErrOutsideCalendar, "a count running past year 9999")
}
