// Package checkapi is the one entry point the panel's server and its wasm
// build share, so that both give the same findings for the same input: an
// application and options in JSON in, a report in JSON out.
package checkapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"time"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// Options are the options of a check or a form, as the page sends them.
type Options struct {
	Lang    string `json:"lang,omitempty"`    // "zh-Hans" (default) or "en"
	Profile string `json:"profile,omitempty"` // "default", "alibaba", "tencent", "huawei"
	At      string `json:"at,omitempty"`      // the check date, YYYY-MM-DD; today without it
	// For a form:
	FilingType string `json:"filing_type,omitempty"`
	Province   string `json:"province,omitempty"`
	Kind       string `json:"kind,omitempty"`
}

// Result is what Check returns: the report, or the decoding error.
type Result struct {
	Findings []icp.Finding `json:"findings"`
	Error    string        `json:"error,omitempty"`
	Path     string        `json:"path,omitempty"`
}

// Tag returns the language tag of the options.
func (o Options) Tag() language.Tag {
	if o.Lang == "en" {
		return language.English
	}
	return language.SimplifiedChinese
}

// IcpOptions turns o into the options of icp.Check.
func (o Options) IcpOptions() ([]icp.Option, error) {
	opts := []icp.Option{icp.WithLanguage(o.Tag())}
	if o.Profile != "" {
		p, ok := icp.ProfileByName(o.Profile)
		if !ok {
			return nil, errors.New("unknown profile " + o.Profile)
		}
		opts = append(opts, icp.WithProfile(p))
	}
	if o.At != "" {
		d, err := subject.ParseDate(o.At)
		if err != nil {
			return nil, err
		}
		opts = append(opts, icp.At(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)))
	}
	return opts, nil
}

func parseOptions(b []byte) (Options, error) {
	var o Options
	if len(bytes.TrimSpace(b)) == 0 {
		return o, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return o, dec.Decode(&o)
}

// options decodes the options and turns them into icp options.
func options(b []byte) (Options, []icp.Option, error) {
	o, err := parseOptions(b)
	if err != nil {
		return o, nil, err
	}
	opts, err := o.IcpOptions()
	return o, opts, err
}

func encode(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(Result{Error: err.Error()})
	}
	return b
}

// Check decodes the application with icp.DecodeApplication and checks it.
func Check(appJSON, optsJSON []byte) []byte {
	_, opts, err := options(optsJSON)
	if err != nil {
		return encode(Result{Error: "options: " + err.Error()})
	}
	app, err := icp.DecodeApplication(bytes.NewReader(appJSON))
	if err != nil {
		r := Result{Error: err.Error(), Findings: []icp.Finding{}}
		var de *icp.DecodeError
		if errors.As(err, &de) {
			r.Path = de.Path
		}
		return encode(r)
	}
	rep := icp.Check(app, opts...)
	if rep.Findings == nil {
		rep.Findings = []icp.Finding{}
	}
	return encode(Result{Findings: rep.Findings})
}

// Form returns icp.FormOf for the options' filing type, province and kind.
func Form(optsJSON []byte) []byte {
	o, opts, err := options(optsJSON)
	if err != nil {
		return encode(Result{Error: "options: " + err.Error()})
	}
	ft := icp.FirstFiling
	if o.FilingType != "" {
		if err := ft.UnmarshalText([]byte(o.FilingType)); err != nil {
			return encode(Result{Error: err.Error()})
		}
	}
	p, err := province.Parse(o.Province)
	if err != nil {
		return encode(Result{Error: err.Error()})
	}
	k := subject.Enterprise
	if o.Kind != "" {
		if k, err = subject.ParseKind(o.Kind); err != nil {
			return encode(Result{Error: err.Error()})
		}
	}
	return encode(icp.FormOf(ft, p, k, opts...))
}
