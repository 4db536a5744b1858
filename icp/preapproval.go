package icp

import (
	"maps"
	"slices"
	"strings"

	"github.com/icpkit/icpkit/icp/content"
	"golang.org/x/text/language"
)

func init() {
	register(
		msg("site.preapproval_individual", []string{"category:preapproval", "word"}, "个人不能开办需要前置审批的网站（%[1]s，关键词“%[2]s”）", "an individual cannot run a site that needs a pre-approval (%[1]s, keyword %[2]q)"),
		msg("site.preapproval_needed", []string{"category:preapproval", "word", "document"}, "内容涉及 %[1]s（关键词“%[2]s”）：需提供%[3]s，或不涉及前置审批承诺书", "the content touches %[1]s (keyword %[2]q): provide “%[3]s”, or a commitment that it is not involved"),
		msg("site.preapproval_commitment", []string{"category:preapproval", "word"}, "已声明不涉及 %[1]s（关键词“%[2]s”）：请附不涉及前置审批承诺书", "declared as not involving %[1]s (keyword %[2]q): attach the commitment letter"),
		msg("site.preapproval_abolished", []string{"category:preapproval", "word"}, "%[1]s 前置审批已在全国取消（关键词“%[2]s”），但部分省份仍会询问", "the %[1]s pre-approval was abolished nationally (keyword %[2]q), but some provinces still ask"),
	)
}

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
