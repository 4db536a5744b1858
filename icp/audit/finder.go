package audit

import (
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
)

// finder collects the findings of one audit in one language.
type finder struct {
	lang language.Tag
	out  []icp.Finding
}

func (fd *finder) add(code string, sev icp.Severity, source string, kv ...string) {
	fd.addLine(code, sev, 0, source, kv...)
}

func (fd *finder) addLine(code string, sev icp.Severity, line int, source string, kv ...string) {
	f := icp.NewFinding(fd.lang, code, sev, "", source, kv...)
	f.Line = line
	fd.out = append(fd.out, f)
}

func (fd *finder) report() icp.Report { return icp.NewReport(fd.out) }
