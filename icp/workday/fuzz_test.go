package workday

import (
	"strings"
	"testing"
	"time"
)

func FuzzLoadCalendar(f *testing.F) {
	f.Add("#@ year 2028 UNCERTAIN x\n2028-01-03\toff\t元旦\n")
	f.Add("#@ year 2028 CONFIRMED x\n#@ year 2030 CONFIRMED y\n")
	f.Fuzz(func(t *testing.T, s string) {
		cal, err := Default().Extend(strings.NewReader(s))
		if err != nil {
			return
		}
		if _, approx, err := cal.AddWorkdays(date("2026-09-18"), 20); err != nil || approx {
			t.Fatalf("extended calendar lost 2026: %v", err)
		}
	})
}

// FuzzAddWorkdays: for any day and count, inside the data or past it,
// AddWorkdays answers without error within years 1–9999, lands on a
// working day, and WorkdaysBetween counts back the same number.
func FuzzAddWorkdays(f *testing.F) {
	f.Add(int64(20_000), 20, int64(0))
	f.Add(int64(21_000), 400, int64(3600*20))
	f.Add(int64(-3000), 7, int64(-1))
	f.Fuzz(func(t *testing.T, dayNum int64, n int, sec int64) {
		if n < 0 || n > 100_000 || dayNum < -700_000 || dayNum > 2_900_000 {
			return
		}
		cal := Default()
		d := time.Unix(dayNum*86400+sec%86400, 0).UTC()
		due, _, err := cal.AddWorkdays(d, n)
		if err != nil {
			return // a year outside 1–9999
		}
		back, _, err := cal.WorkdaysBetween(d, due)
		if err != nil || back != n {
			t.Fatalf("%v + %d = %v, back %d, %v", d, n, due, back, err)
		}
		if n > 0 {
			if ok, _, _ := cal.IsWorkday(due); !ok {
				t.Fatalf("%v + %d = %v, not a working day", d, n, due)
			}
		}
	})
}
