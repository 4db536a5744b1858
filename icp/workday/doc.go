// Package workday counts working days in mainland China.
//
// # The domain
//
// Filing deadlines are stated in working days (工作日): the authority
// decides within 20 of them in most provinces. Working days are Monday to
// Friday, less the statutory holidays, plus the make-up working days
// (调休) that the State Council moves onto weekends around them. The days
// change every year and are published in a notice each autumn, so a
// calendar is data: icp/workday/data/holidays.tsv lists, per year, the days
// off and the make-up days, with the notice that states them.
//
// # What is here
//
// [Calendar] answers [Calendar.IsWorkday], [Calendar.AddWorkdays] and
// [Calendar.WorkdaysBetween]. [Default] returns the embedded calendar,
// [Load] reads one in the same format, and [Calendar.Extend] adds next
// year's notice without a new release.
//
// # Dates are China's
//
// A date here is a civil date in China Standard Time ([China], UTC+8, a
// fixed zone: no daylight saving since 1991, no time-zone database): the
// calendar takes any time.Time at its date in China, so a server in UTC
// gets the same answers as one in Shanghai, and it returns dates at
// midnight in China.
//
// # Past the data
//
// [Calendar.Coverage] is the range the holiday data covers. Outside it the
// calendar still answers, counting Monday to Friday only, and each answer
// says it is approximate: the holidays of a year are known only once its
// notice is out. Years outside [MinYear] to [MaxYear] are a
// [*CalendarError] matching [ErrOutsideCalendar].
package workday
