package icp

import (
	_ "embed"
	"slices"
)

// The schema is generated from the Go types by a test, with
// github.com/invopop/jsonschema, so that the library itself does not depend
// on the generator. After changing a type of the application (or of
// refile.Deployment), regenerate both files with
//
//	go generate ./icp/...
//
// TestSchemaUpToDate fails until that is done.
//
//go:generate go test . -run ^TestSchemaUpToDate$ -update

//go:embed application.schema.json
var applicationSchemaJSON []byte

// ApplicationSchema returns the JSON Schema (draft 2020-12) of an
// [Application] as [DecodeApplication] reads it. Each call returns a fresh
// copy.
//
// The schema describes the shape of a document, not whether the filing is
// complete: which fields a province and subject kind require is what
// [Form] tells and [Check] reports. In particular:
//
//   - no key is required (a missing key decodes to the zero value, which
//     Check reports as missing) and unknown keys are refused;
//   - every enumeration (filing_type, province, kinds, document types,
//     material kinds, service types) is a oneOf of constants, each with a
//     zh-Hans title and, under "x-titles", its zh-Hans and en display names
//     (those of [DisplayName]). The constants are the canonical tokens the
//     encoders write; the decoder also accepts other spellings (a province
//     as 浙江省, Zhejiang or 33) that the schema does not list;
//   - arrays carry the decoder's input bounds as maxItems (1000 sites, 8000
//     materials, 100 domains per site, 100 IPs per access, 100 items in
//     any other list) and integers the range 0 to 2³¹−1;
//   - an array or the App block may be null, as in the decoder.
func ApplicationSchema() []byte { return slices.Clone(applicationSchemaJSON) }
