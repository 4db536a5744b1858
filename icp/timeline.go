package icp

import (
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// Step is one dated stage of a filing's [Timeline].
type Step struct {
	Name     string    `json:"name"` // provider_review, sms_verification, authority_review, police_filing
	Earliest time.Time `json:"earliest,omitzero"`
	Latest   time.Time `json:"latest"`
	Source   string    `json:"source"`
}

// Lapse is a validity window that closes while the order is under review.
type Lapse struct {
	Field string    `json:"field"`
	What  string    `json:"what"`
	Date  time.Time `json:"date"`
}

// Timeline dates an order from its submission (TC-review, HW-progress).
// Every date is a civil date in China, at midnight in [workday.China].
type Timeline struct {
	Submitted time.Time `json:"submitted"`
	Steps     []Step    `json:"steps"`
	Lapses    []Lapse   `json:"lapses,omitempty"`
	// Approximate is true when a working-day count ran past the holiday
	// data of the calendar ([workday.Calendar.Coverage]): those days count
	// weekends only, and Findings holds a timeline.approximate info naming
	// the calendar's last day.
	Approximate bool      `json:"approximate,omitempty"`
	Findings    []Finding `json:"findings,omitempty"`
}

// SMS verification facts (HW-sms, QC-sms, TC-sms2; CONFIRMED): a 6-digit
// code valid 24 hours, 5 wrong attempts allowed. Older notices said 48
// hours; the 72 hours of some third-party pages is superseded.
const (
	smsCodeDigits  = 6
	smsWindowHours = 24
	smsAttempts    = 5
)

// PoliceFilingDays is how many days after a site opens its public-security
// filing is due (TC-psb, QC-psb, HW-after, PA-psb).
const PoliceFilingDays = 30

// TimelineInput is what [NewTimeline] dates.
type TimelineInput struct {
	Submitted time.Time
	Province  province.Province
	Type      FilingType
	// Application, when given, supplies validity windows to watch: ID and
	// licence expiry, domain expiry against the province minimum.
	Application *Application
	Rules       *province.Table   // nil: province.Default()
	Calendar    *workday.Calendar // nil: workday.Default()
	// Language is the language of Findings: zh-Hans unless an English tag.
	Language language.Tag
}

// NewTimeline dates an order: the provider's first review (1–2 working
// days), the SMS window (24 hours from the hand-over to the authority), the
// latest authority decision (the province's review limit in working days
// from the hand-over), and the police filing deadline (30 days after the
// site opens, at the latest the decision day); the footer must show the
// number from the opening day. Lapses lists validity windows that close
// before the latest decision.
//
// Dates are China's: Submitted is taken at its civil date in
// [workday.China], whatever its zone, so a server in UTC dates an order as
// one in Shanghai does. Past the calendar's holiday data the working days
// count weekends only and the timeline is marked approximate; the error is
// only for a year outside [workday.MinYear] to [workday.MaxYear].
func NewTimeline(in TimelineInput) (Timeline, error) {
	cal := in.Calendar
	if cal == nil {
		cal = workday.Default()
	}
	tb := in.Rules
	if tb == nil {
		tb = province.Default()
	}
	submitted := in.Submitted.In(workday.China)
	r := tb.RulesAt(in.Province, submitted)
	t := Timeline{Submitted: submitted}
	add := func(d time.Time, n int) (time.Time, error) {
		due, approx, err := cal.AddWorkdays(d, n)
		t.Approximate = t.Approximate || approx
		return due, err
	}
	first, err := add(submitted, 1)
	if err != nil {
		return t, err
	}
	handover, err := add(submitted, 2)
	if err != nil {
		return t, err
	}
	t.Steps = append(t.Steps, Step{Name: "provider_review", Earliest: first, Latest: handover, Source: "HW-progress; TC-review; QC-change"})
	if len(Verifiers(in.Type)) > 0 || in.Type == ChangeAll {
		t.Steps = append(t.Steps, Step{Name: "sms_verification", Earliest: first, Latest: handover.Add(smsWindowHours * time.Hour),
			Source: "HW-sms; QC-sms; TC-sms2"})
	}
	limit := 20
	if v, ok := r.ReviewWorkdays.Get(); ok {
		limit = v
	}
	decision, err := add(handover, limit)
	if err != nil {
		return t, err
	}
	t.Steps = append(t.Steps, Step{Name: "authority_review", Earliest: handover, Latest: decision, Source: r.ReviewWorkdays.Source()})
	if in.Type == FirstFiling || in.Type == NewSite || in.Type == NewSiteNoSubject {
		// The footer shows the number from the day the site opens: at the
		// earliest on approval, which may come any day of the review.
		t.Steps = append(t.Steps, Step{Name: "footer", Earliest: handover, Latest: decision, Source: "QC-general; HW-after (33号令 Art. 13)"})
		t.Steps = append(t.Steps, Step{Name: "police_filing", Earliest: first, Latest: decision.AddDate(0, 0, PoliceFilingDays),
			Source: "TC-psb; QC-psb; HW-after"})
	}
	if a := in.Application; a != nil {
		decisionDay := subject.DateOf(decision)
		watch := func(field, what string, until subject.Date, minDays int) {
			if until.IsZero() {
				return
			}
			// Compare civil dates: a window closing on the decision day
			// lapses, whatever the zone of the times given.
			c := until.Time().AddDate(0, 0, -minDays)
			closes := subject.DateOf(c)
			if closes.DaysUntil(decisionDay) >= 0 {
				t.Lapses = append(t.Lapses, Lapse{Field: field, What: what, Date: time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, workday.China)})
			}
		}
		docMin, _ := r.DocumentMinValidityDays.Get()
		licMin, _ := r.LicenceMinValidityDays.Get()
		domMin, _ := r.MinDomainValidityDays.Get()
		watch("subject.owner.document.valid_until", "document", a.Subject.Owner.Document.ValidUntil, docMin)
		watch("subject.certificate.valid_until", "licence", a.Subject.Certificate.ValidUntil, licMin)
		for i, s := range a.Sites {
			watch(fmt.Sprintf("sites[%d].manager.document.valid_until", i), "document", s.Manager.Document.ValidUntil, docMin)
			watch(fmt.Sprintf("sites[%d].domain_expires", i), "domain", s.DomainExpires, domMin)
		}
	}
	if t.Approximate {
		_, last := cal.Coverage()
		t.Findings = append(t.Findings, NewFinding(in.Language, "timeline.approximate", SeverityInfo, "", "icp/workday/data/holidays.tsv",
			"date", last.Format(time.DateOnly)))
	}
	return t, nil
}
