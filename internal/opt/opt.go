// Package opt holds the settings behind icp.Option, so that the icp
// sub-packages (icp/audit, icp/refile) take the same options as icp.Check:
// one language option, one date, one rule table for the whole library.
//
// Settings whose types live in package icp are held as any and asserted
// there; no other package reads them.
package opt

import (
	"io"
	"time"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/content"
	"github.com/icpkit/icpkit/icp/domain"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// Config is what a list of options sets.
type Config struct {
	At      time.Time
	AtSet   bool
	Lang    language.Tag
	Rules   *province.Table
	TLDs    *domain.TLDTable
	Locator func(subject.Mobile) (province.Province, bool)
	Opener  func(path string) (io.ReadCloser, error)
	// Reuse answers from a panel's records whether a number already serves
	// another subject's filing.
	Reuse func(kind, number string) bool

	Names  *content.NameRules
	PreApp *content.PreApprovalTable
	// Of package icp: its Profile.
	Profile any

	// Of package icp/audit: the byte limit and the share of the page read
	// as its bottom.
	AuditLimit int64
	AuditTail  int
}

// Apply runs each option on a new Config with the defaults every package
// shares: zh-Hans and the embedded province table.
func Apply[O ~func(*Config)](opts []O) Config {
	c := Config{Lang: language.SimplifiedChinese}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.Rules == nil {
		c.Rules = province.Default()
	}
	return c
}
