package icp

import (
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func TestVerifiersTable(t *testing.T) {
	tests := []struct {
		t     FilingType
		owner bool
		mgr   bool
	}{
		{FirstFiling, true, true}, {NewSite, true, true}, {NewAccess, false, true}, {ChangeSubject, true, false},
		{ChangeSite, false, true}, {ChangeAccess, false, false}, {SiteMigration, false, false}, {CancelSubject, true, false},
		{CancelSite, false, false}, {CancelAccess, false, false}, {AccountTransfer, false, false}, {ChangeAll, true, true},
	}
	for _, tt := range tests {
		v := Verifiers(tt.t)
		assert.Equal(t, tt.owner, contains(v, VerifierOwner), tt.t.String())
		assert.Equal(t, tt.mgr, contains(v, VerifierManager), tt.t.String())
	}
}

func contains(vs []Verifier, v Verifier) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

func TestTimeline(t *testing.T) {
	app := enterpriseApp()
	app.Subject.Owner.Document.ValidUntil = subject.Date{Year: 2027, Month: 2, Day: 1}
	tl, err := NewTimeline(TimelineInput{Submitted: day("2026-09-24"), Province: province.Zhejiang, Type: FirstFiling, Application: &app})
	require.NoError(t, err)
	steps := map[string]Step{}
	for _, s := range tl.Steps {
		steps[s.Name] = s
	}
	assert.Equal(t, "2026-09-28", steps["provider_review"].Earliest.Format(time.DateOnly))
	assert.Equal(t, "2026-09-29", steps["provider_review"].Latest.Format(time.DateOnly))
	assert.Equal(t, "2026-09-30", steps["sms_verification"].Latest.Format(time.DateOnly), "24 hours after the hand-over")
	// Zhejiang: 30 working days from 2026-09-29, across National Day.
	assert.Equal(t, "2026-11-16", steps["authority_review"].Latest.Format(time.DateOnly))
	assert.Equal(t, "2026-12-16", steps["police_filing"].Latest.Format(time.DateOnly))
	require.Len(t, tl.Lapses, 1)
	assert.Equal(t, "subject.owner.document.valid_until", tl.Lapses[0].Field)

	bj, err := NewTimeline(TimelineInput{Submitted: day("2026-09-24"), Province: province.Beijing, Type: ChangeAccess})
	require.NoError(t, err)
	for _, s := range bj.Steps {
		assert.NotEqual(t, "sms_verification", s.Name, "a change of access needs no SMS")
		if s.Name == "authority_review" {
			assert.Equal(t, "2026-11-02", s.Latest.Format(time.DateOnly), "Beijing: 20 working days")
		}
	}
	assert.False(t, bj.Approximate)
	assert.Empty(t, bj.Findings)
	assert.Equal(t, 24, smsWindowHours)
}

// TestTimelinePastCalendar: a filing late in the last year of holiday data
// is dated with weekends only after it, marked approximate with an info
// finding naming the calendar's last day; never an error.
func TestTimelinePastCalendar(t *testing.T) {
	for _, submitted := range []string{"2027-12-20", "2028-06-01", "2031-01-02"} {
		tl, err := NewTimeline(TimelineInput{Submitted: day(submitted), Province: province.Zhejiang, Type: FirstFiling, Language: language.English})
		require.NoError(t, err, submitted)
		assert.True(t, tl.Approximate, submitted)
		require.Len(t, tl.Findings, 1)
		f := tl.Findings[0]
		assert.Equal(t, "timeline.approximate", f.Code)
		assert.Equal(t, SeverityInfo, f.Severity)
		assert.Equal(t, "2027-12-31", f.Params["date"])
		assert.Contains(t, f.Message, "ends on 2027-12-31")
	}
	tl, err := NewTimeline(TimelineInput{Submitted: day("2027-12-20"), Province: province.Beijing, Type: ChangeAccess})
	require.NoError(t, err)
	for _, s := range tl.Steps {
		if s.Name == "authority_review" {
			// 2 working days to the hand-over (22 December), then 20 more:
			// 7 left in 2027, 13 in January 2028 by weekends only.
			assert.Equal(t, "2028-01-19", s.Latest.Format(time.DateOnly))
		}
	}
	_, err = NewTimeline(TimelineInput{Submitted: time.Date(11_000_000, 1, 1, 0, 0, 0, 0, time.UTC), Province: province.Zhejiang, Type: FirstFiling})
	assert.ErrorIs(t, err, workday.ErrOutsideCalendar, "a year no calendar has is refused, not wrapped")
}

// TestTimelineChinaDate: the same instant, written in UTC, in China and
// in New York, dates an order alike, by China's date; and a window that
// closes on the decision day is a lapse in every zone.
func TestTimelineChinaDate(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	utc := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	cst := time.Date(2026, 12, 1, 4, 0, 0, 0, time.FixedZone("+08", 8*3600))
	base, err := NewTimeline(TimelineInput{Submitted: cst, Province: province.Zhejiang, Type: FirstFiling})
	require.NoError(t, err)
	var decision time.Time
	for _, s := range base.Steps {
		if s.Name == "provider_review" {
			assert.Equal(t, "2026-12-02", s.Earliest.Format(time.DateOnly), "the day after Tuesday 1 December")
		}
		if s.Name == "authority_review" {
			decision = s.Latest
		}
	}
	app := enterpriseApp()
	docMin, _ := province.RulesAt(province.Zhejiang, cst).DocumentMinValidityDays.Get()
	d := decision.AddDate(0, 0, docMin)
	app.Subject.Owner.Document.ValidUntil = subject.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()}
	for _, at := range []time.Time{utc, cst, utc.In(ny)} {
		tl, err := NewTimeline(TimelineInput{Submitted: at, Province: province.Zhejiang, Type: FirstFiling, Application: &app})
		require.NoError(t, err)
		for i, s := range tl.Steps {
			assert.Equal(t, base.Steps[i].Earliest.Format(time.DateOnly), s.Earliest.Format(time.DateOnly), "%s from %v", s.Name, at)
			assert.Equal(t, base.Steps[i].Latest.Format(time.DateOnly), s.Latest.Format(time.DateOnly), "%s from %v", s.Name, at)
		}
		require.Len(t, tl.Lapses, 1, "the document's window closes on the decision day, from %v", at)
		assert.Equal(t, decision.Format(time.DateOnly), tl.Lapses[0].Date.Format(time.DateOnly))
	}
}

// TestCheckChinaDate: Check at 2026-11-30 20:00 UTC and at 2026-12-01
// 04:00 in China gives the same report, by China's date: a domain with
// exactly the province's minimum left on 30 November has a day less on 1
// December.
func TestCheckChinaDate(t *testing.T) {
	utc := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	cst := time.Date(2026, 12, 1, 4, 0, 0, 0, time.FixedZone("+08", 8*3600))
	app := enterpriseApp()
	m, ok := province.RulesAt(app.Province, cst).MinDomainValidityDays.Get()
	require.True(t, ok)
	exp := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, m)
	app.Sites[0].DomainExpires = subject.Date{Year: exp.Year(), Month: exp.Month(), Day: exp.Day()}
	a, b := Check(app, At(utc)), Check(app, At(cst))
	assert.Equal(t, a, b)
	assert.Contains(t, codesOf(a, SeverityError), "domain.expires@sites[0].domain_expires", "on 1 December in China the domain has %d-1 days left", m)
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestCheckFarYears: a date in a year no calendar has is one error
// finding, not rules picked from a wrapped day number.
func TestCheckFarYears(t *testing.T) {
	for _, y := range []int{11_000_000, -11_000_000, 0, 10000} {
		r := Check(enterpriseApp(), At(time.Date(y, 1, 1, 12, 0, 0, 0, time.UTC)))
		assert.Equal(t, []string{"date.out_of_range@"}, codesOf(r, SeverityInfo), y)
	}
	r := Check(enterpriseApp(), At(time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC)))
	assert.False(t, r.Has("date.out_of_range"))
}
