package icp

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"

	"github.com/icpkit/icpkit/internal/jsonx"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// FilingType is the kind of filing order (QC-type, TC-change).
type FilingType uint8

// Filing types. The JSON tokens are given in brackets.
const (
	FirstFiling        FilingType = iota + 1 // 首次备案 [first_filing]
	NewSite                                  // 新增网站 [new_site]
	NewSiteNoSubject                         // 无主体新增网站 [new_site_no_subject]
	NewAccess                                // 新增接入 [new_access]
	NewAccessNoSubject                       // 无主体新增接入 [new_access_no_subject]
	ChangeSubject                            // 变更主体 [change_subject]
	ChangeSite                               // 变更网站 [change_site]
	ChangeAccess                             // 变更接入 [change_access]
	ChangeAll                                // 变更备案 (subject and sites) [change_all]
	CancelSubject                            // 注销主体 [cancel_subject]
	CancelSite                               // 注销网站 [cancel_site]
	CancelAccess                             // 取消接入 [cancel_access]
	SiteMigration                            // 网站迁移, to another subject [site_migration]
	AccountTransfer                          // 转移备案, to another account [account_transfer]
	numFilingTypes     = AccountTransfer
)

var filingTypes = [numFilingTypes + 1][3]string{
	{},
	{"first_filing", "首次备案", "first filing"},
	{"new_site", "新增网站", "new site"},
	{"new_site_no_subject", "无主体新增网站", "new site without subject"},
	{"new_access", "新增接入", "new access"},
	{"new_access_no_subject", "无主体新增接入", "new access without subject"},
	{"change_subject", "变更主体", "change subject"},
	{"change_site", "变更网站", "change site"},
	{"change_access", "变更接入", "change access"},
	{"change_all", "变更备案", "change subject and sites"},
	{"cancel_subject", "注销主体", "cancel subject"},
	{"cancel_site", "注销网站", "cancel site"},
	{"cancel_access", "取消接入", "cancel access"},
	{"site_migration", "网站迁移", "site migration"},
	{"account_transfer", "转移备案", "account transfer"},
}

// IsValid reports whether t is a defined filing type.
func (t FilingType) IsValid() bool { return t >= FirstFiling && t <= numFilingTypes }

// String returns the JSON token ("first_filing").
func (t FilingType) String() string {
	if !t.IsValid() {
		return fmt.Sprintf("FilingType(%d)", uint8(t))
	}
	return filingTypes[t][0]
}

// NameZh returns the Chinese name (首次备案).
func (t FilingType) NameZh() string {
	if !t.IsValid() {
		return ""
	}
	return filingTypes[t][1]
}

// NameEn returns the English name.
func (t FilingType) NameEn() string {
	if !t.IsValid() {
		return ""
	}
	return filingTypes[t][2]
}

// MarshalText implements [encoding.TextMarshaler].
func (t FilingType) MarshalText() ([]byte, error) {
	if !t.IsValid() {
		return nil, fmt.Errorf("icp: invalid FilingType %d", uint8(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *FilingType) UnmarshalText(b []byte) error {
	for i := FirstFiling; i <= numFilingTypes; i++ {
		if filingTypes[i][0] == string(b) {
			*t = i
			return nil
		}
	}
	return fmt.Errorf("unknown filing_type %q", norm.Clip(string(b), 40))
}

// ApplicationSubject is the subject of an application: the subject data and
// its existing filing number.
type ApplicationSubject struct {
	subject.Subject
	// Number is the subject's filing number, for every filing type but a
	// first filing.
	Number Number `json:"number,omitzero"`
	// LicenceName is the unit name exactly as printed on the licence, when
	// the panel has it (from OCR, say); Name is compared with it.
	LicenceName string `json:"licence_name,omitempty"`
	// BusinessScope is the unit's 经营范围, scanned for pre-approval words.
	BusinessScope string `json:"business_scope,omitempty"`
	// ExistingServices counts the services the subject already holds.
	ExistingServices int `json:"existing_services,omitempty"`
}

// Resource is the cloud resource the filing is made for.
type Resource struct {
	Product string `json:"product" validate:"required"` // "ecs", "lightweight", "cvm" …
	Billing string `json:"billing" validate:"required"` // "subscription" (包年包月) or "pay_as_you_go"
	Months  int    `json:"months"`                      // months bought, renewals included
	Region  string `json:"region,omitempty"`            // "mainland" unless stated
	// Expires is the day the server's term ends, when the panel knows it:
	// some providers want time left on it during the filing.
	Expires subject.Date `json:"expires,omitzero"`
}

// MaterialRef is one uploaded material.
type MaterialRef struct {
	Kind material.Kind `json:"kind"`
	Path string        `json:"path"`
	// For is the JSON path of the person or site the material belongs to
	// ("subject.owner", "sites[0].manager", "sites[0]"); empty means the
	// application as a whole.
	For string `json:"for,omitempty"`
	// IssuedOn is the date a letter or certificate was issued.
	IssuedOn subject.Date `json:"issued_on,omitzero"`
}

// Application is a filing application as a panel collects it. Its JSON
// form (snake_case, names fixed) is what [DecodeApplication] reads.
type Application struct {
	FilingType FilingType         `json:"filing_type"`
	Province   province.Province  `json:"province"`
	Subject    ApplicationSubject `json:"subject"`
	Sites      []Site             `json:"sites"`
	Resource   Resource           `json:"resource"`
	Materials  []MaterialRef      `json:"materials"`
	Remark     string             `json:"remark,omitempty"`
}

// ErrDecode is wrapped by every error of [DecodeApplication] and
// [DecodeDeployment].
var ErrDecode = errors.New("icp: cannot decode")

// A DecodeError reports JSON input that does not fit, naming the JSON path
// (sites[0].access.ips[1]) and the reason. Where either echoes the input
// (an unknown key, a value a field refuses), digit runs shaped like a
// resident ID or a mobile number are masked: a value typed into the wrong
// field may be a person's.
type DecodeError struct {
	Path   string
	Reason string
}

// Error implements the error interface: the path and the reason.
func (e *DecodeError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%v: %s", ErrDecode, e.Reason)
	}
	return fmt.Sprintf("%v: %s: %s", ErrDecode, e.Path, e.Reason)
}

// Unwrap returns ErrDecode.
func (e *DecodeError) Unwrap() error { return ErrDecode }

// MaxDecodeBytes bounds what DecodeApplication and refile.DecodeDeployment
// read.
const MaxDecodeBytes = jsonx.MaxBytes

// Input bounds of [DecodeApplication] and refile.DecodeDeployment. They are
// not filing rules (the provinces' limits are far lower and are findings of
// [Check]); they keep the cost of a hostile input in proportion to its size.
// A decoder counts the items of each array as it reads them and refuses the
// first one over the bound, before anything is allocated for it. People are
// bounded through the sites: each site has one manager.
const (
	// MaxDomainsPerSite bounds sites[i].domains.
	MaxDomainsPerSite = 100
	// MaxIPsPerAccess bounds sites[i].access.ips (and, in a deployment, the
	// IPs of each of a site's providers).
	MaxIPsPerAccess = 100
	// MaxMaterials bounds materials: a few per site.
	MaxMaterials = 8 * MaxSites
	// MaxProviders bounds the access providers of one site of a deployment.
	MaxProviders = 100
	// MaxListItems bounds every other array (content, platforms,
	// approvals).
	MaxListItems = jsonx.DefaultMaxItems
	// MaxCount bounds every integer of the JSON forms (existing_services,
	// months): each is a count, from 0 to 2³¹−1.
	MaxCount = math.MaxInt32
)

// applicationSchema is the shape DecodeApplication checks: the bounds
// above, by Go type and JSON name.
var applicationSchema = jsonx.NewSchema[Application](jsonx.Bounds{
	{Type: reflect.TypeFor[Application](), Name: "sites"}:     jsonx.Items(MaxSites),
	{Type: reflect.TypeFor[Application](), Name: "materials"}: jsonx.Items(MaxMaterials),
	{Type: reflect.TypeFor[Site](), Name: "domains"}:          jsonx.Items(MaxDomainsPerSite),
	{Type: reflect.TypeFor[Access](), Name: "ips"}:            jsonx.Items(MaxIPsPerAccess),
})

// DecodeApplication reads one application in JSON ([MaxDecodeBytes] at
// most). Decoding is strict, and every error is a [*DecodeError] naming the
// JSON path:
//
//   - keys are exact and case-sensitive; a key twice in one object, an
//     unknown key, data after the document, an empty document and null are
//     refused;
//   - strings must be valid UTF-8; wrong JSON kinds, bad enum values and
//     masked personal data ("1101**********002X" where a number belongs)
//     are refused;
//   - integers are counts from 0 to [MaxCount];
//   - arrays are bounded ([MaxSites], [MaxDomainsPerSite], [MaxIPsPerAccess],
//     [MaxMaterials], [MaxListItems]) while the input is read, and nesting to
//     32 levels, so that decoding takes memory in proportion to the input.
//
// A value echoed in an error has its ID- and mobile-shaped digit runs
// masked.
func DecodeApplication(r io.Reader) (Application, error) {
	var a Application
	if e := applicationSchema.Decode(r, &a); e != nil {
		return a, newDecodeError(e)
	}
	return a, nil
}

// newDecodeError masks what e echoes of the input: digit runs shaped like
// a resident ID or a mobile number.
func newDecodeError(e *jsonx.Error) *DecodeError {
	return &DecodeError{Path: norm.MaskPersonalNumbers(e.Path), Reason: norm.MaskPersonalNumbers(e.Reason)}
}

// UnmarshalText implements [encoding.TextUnmarshaler]: "subject_owner" or
// "site_manager", the tokens [Verifier.MarshalText] writes.
func (v *Verifier) UnmarshalText(b []byte) error {
	for _, x := range []Verifier{VerifierOwner, VerifierManager} {
		if x.String() == string(b) {
			*v = x
			return nil
		}
	}
	return fmt.Errorf("icp: unknown verifier %q", norm.Clip(string(b), 30))
}
