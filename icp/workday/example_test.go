package workday_test

import (
	"fmt"
	"time"

	"github.com/icpkit/icpkit/icp/workday"
)

func ExampleCalendar_AddWorkdays() {
	cal := workday.Default()
	d := time.Date(2026, 9, 24, 0, 0, 0, 0, time.UTC)
	due, err := cal.AddWorkdays(d, 5) // across Mid-Autumn and National Day
	fmt.Println(due.Format(time.DateOnly), err)
	ok, _ := cal.IsWorkday(time.Date(2026, 10, 10, 0, 0, 0, 0, time.UTC)) // a make-up Saturday
	fmt.Println(ok)
	_, err = cal.IsWorkday(time.Date(2031, 1, 2, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	// Output:
	// 2026-10-09 <nil>
	// true
	// workday: date outside the holiday calendar: 2031-01-02 (covered: 2020–2027)
}
