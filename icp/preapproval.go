package icp

import (
	"maps"
	"slices"
	"strings"

	"github.com/icpkit/icpkit/icp/content"
	"golang.org/x/text/language"
)

// PreApprovalInput is what [CheckPreApproval] scans and what the site
// declares.
type PreApprovalInput struct {
	Individual  bool
	Texts       map[string]string // JSON path → text (name, description, business scope)
	Approvals   []Approval        // approvals the site holds
	NotInvolved bool              // the subject commits that no category is involved
	Language    language.Tag
	Table       *content.PreApprovalTable // nil: content.DefaultPreApproval()
}

// CheckPreApproval reports the pre-approval categories the texts touch:
// individuals may run none of them (error); units need the approval document
// or, if not involved, a commitment letter (which one a finding says).
// Categories abolished nationally give an info finding.
func CheckPreApproval(in PreApprovalInput) Report {
	fd := finder{lang: in.Language}
	checkPreApproval(&fd, in)
	return fd.report()
}

func checkPreApproval(fd *finder, in PreApprovalInput) {
	d := in.Table
	if d == nil {
		d = content.DefaultPreApproval()
	}
	done := map[string]bool{}
	// Walk fields in a fixed order so that reports are deterministic.
	fields := slices.AppendSeq(make([]string, 0, len(in.Texts)), maps.Keys(in.Texts))
	slices.Sort(fields)
	for _, field := range fields {
		for _, h := range d.Scan(in.Texts[field]) {
			if done[h.Category] {
				continue
			}
			done[h.Category] = true
			cat, _ := d.Category(h.Category)
			src := cat.Source
			switch {
			case !cat.National:
				fd.add("site.preapproval_abolished", SeverityInfo, field, src, "category", cat.ID, "word", h.Word)
			case in.Individual:
				fd.add("site.preapproval_individual", SeverityError, field, src+"; TC-site; QC-limit", "category", cat.ID, "word", h.Word)
			case hasApproval(in.Approvals, cat.ID):
			case in.NotInvolved:
				fd.add("site.preapproval_commitment", SeverityInfo, field, "TC-site; HW-mat", "category", cat.ID, "word", h.Word)
			default:
				fd.add("site.preapproval_needed", SeverityWarning, field, src, "category", cat.ID, "word", h.Word, "document", cat.Document)
			}
		}
	}
}

func hasApproval(as []Approval, cat string) bool {
	for _, a := range as {
		if a.Category == cat && strings.TrimSpace(a.Document) != "" {
			return true
		}
	}
	return false
}
