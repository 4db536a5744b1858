package workday_test

import (
	"fmt"
	"time"

	"github.com/icpkit/icpkit/icp/workday"
)

func ExampleCalendar_AddWorkdays() {
	cal := workday.Default()
	// 20:00 UTC on 23 September is already the 24th in China.
	d := time.Date(2026, 9, 23, 20, 0, 0, 0, time.UTC)
	due, approx, err := cal.AddWorkdays(d, 5) // across Mid-Autumn and National Day
	fmt.Println(due.Format(time.DateOnly), approx, err)
	ok, _, _ := cal.IsWorkday(time.Date(2026, 10, 10, 0, 0, 0, 0, workday.China)) // a make-up Saturday
	fmt.Println(ok)
	// Past the holiday data: weekends only, marked approximate.
	_, last := cal.Coverage()
	due, approx, err = cal.AddWorkdays(time.Date(2031, 1, 2, 0, 0, 0, 0, workday.China), 5)
	fmt.Println(last.Format(time.DateOnly), due.Format(time.DateOnly), approx, err)
	// Output:
	// 2026-10-09 false <nil>
	// true
	// 2027-12-31 2031-01-09 true <nil>
}

func ExampleCalendar_AddWorkdays_errors() {
	cal := workday.Default()
	_, _, err := cal.AddWorkdays(time.Date(11_000_000, 1, 1, 0, 0, 0, 0, time.UTC), 20)
	fmt.Println(err)
	_, _, err = cal.AddWorkdays(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), -1)
	fmt.Println(err)
	// Output:
	// workday: date outside the years a calendar answers for: year 11000000 (allowed: 1–9999)
	// workday: AddWorkdays: negative count -1
}
