package icp

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzCheck decodes arbitrary JSON as an application and checks it: a
// typed decode error or a report, never a panic, every finding with a code
// and a message.
func FuzzCheck(f *testing.F) {
	good, _ := json.Marshal(enterpriseApp())
	f.Add(string(good))
	ind, _ := json.Marshal(individualApp())
	f.Add(string(ind))
	f.Add(`{"filing_type":"change_site","province":"京","sites":[{"number":"京ICP备12345678号-1"}]}`)
	f.Add(`{"filing_type":"cancel_subject"}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		app, err := DecodeApplication(strings.NewReader(s))
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("untyped decode error %T", err)
			}
			return
		}
		for _, f := range Check(app, At(checkDay)).Findings {
			if f.Code == "" || f.Message == "" {
				t.Fatalf("malformed finding %+v", f)
			}
		}
	})
}
