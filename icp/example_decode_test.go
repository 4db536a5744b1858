package icp_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/province"
)

// DecodeApplication is strict: keys are exact, a key appears once, and
// nothing follows the document. What json.Marshal writes, it reads back.
func ExampleDecodeApplication() {
	for _, in := range []string{
		`{"filing_type":"first_filing","FILING_TYPE":"cancel_site"}`,
		`{"filing_type":"first_filing","filing_type":"cancel_site"}`,
		`{"filing_type":"first_filing"}}`,
		`{"subject":{"existing_services":-100}}`,
		`null`,
	} {
		_, err := icp.DecodeApplication(strings.NewReader(in))
		fmt.Println(err)
	}
	a := icp.Application{FilingType: icp.NewSite, Province: province.Zhejiang}
	b, _ := json.Marshal(a)
	back, err := icp.DecodeApplication(bytes.NewReader(b))
	fmt.Println(back.FilingType, back.Province, err)
	// Output:
	// icp: cannot decode: FILING_TYPE: unknown field (keys are exact and case-sensitive)
	// icp: cannot decode: filing_type: duplicate key
	// icp: cannot decode: data after the JSON value at byte 30
	// icp: cannot decode: subject.existing_services: number out of range (0 to 2147483647): -100
	// icp: cannot decode: the document is null
	// new_site 浙江 <nil>
}

// At takes China's date: 20:00 in UTC on 30 November is already 1
// December in China, and Check answers as a server in Shanghai would.
func ExampleAt() {
	app := icp.Application{FilingType: icp.FirstFiling, Province: province.Zhejiang}
	utc := icp.Check(app, icp.At(time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)))
	cst := icp.Check(app, icp.At(time.Date(2026, 12, 1, 4, 0, 0, 0, time.FixedZone("CST", 8*3600))))
	fmt.Println(len(utc.Findings) == len(cst.Findings))
	// Output:
	// true
}
