package icp

import (
	"testing"
	"time"

	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	_, err = NewTimeline(TimelineInput{Submitted: day("2027-12-01"), Province: province.Zhejiang, Type: FirstFiling})
	assert.ErrorIs(t, err, workday.ErrOutsideCalendar)
	assert.Equal(t, 24, smsWindowHours)
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}
