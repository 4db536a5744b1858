package workday

import (
	"strings"
	"testing"
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
