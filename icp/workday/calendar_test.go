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
			got, err := cal.AddWorkdays(date(tt.from), tt.n)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Format(time.DateOnly))
			n, err := cal.WorkdaysBetween(date(tt.from), got)
			require.NoError(t, err)
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
		got, err := cal.IsWorkday(date(d))
		require.NoError(t, err, d)
		assert.Equal(t, want, got, d)
	}
	_, err := cal.IsWorkday(date("2019-12-31"))
	assert.ErrorIs(t, err, ErrOutsideCalendar)
	_, err = cal.AddWorkdays(date("2027-12-20"), 20)
	assert.ErrorIs(t, err, ErrOutsideCalendar, "a count running past the data is an error, not a guess")
	_, err = cal.AddWorkdays(date("2026-01-05"), -1)
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
		got, err := cal.IsWorkday(d)
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
	ok, err := cal.IsWorkday(date("2028-01-03"))
	require.NoError(t, err)
	assert.False(t, ok)
	ok, err = cal.IsWorkday(date("2026-10-10"))
	require.NoError(t, err)
	assert.True(t, ok, "old years survive")
	_, err = Default().IsWorkday(date("2028-01-03"))
	assert.Error(t, err, "the default calendar is unchanged")

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
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkT, _ = cal.AddWorkdays(d, 20) }))
}

func BenchmarkAddWorkdays(b *testing.B) {
	cal := Default()
	d := date("2026-09-18")
	b.ReportAllocs()
	for b.Loop() {
		sinkT, _ = cal.AddWorkdays(d, 20)
	}
}
