package province

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fact returns the data-file text, status and provenance of one field of
// the newest rules of p in the default table.
func fact(t *testing.T, p Province, name string) (string, Status, Provenance) {
	t.Helper()
	i, ok := fieldIndex[name]
	require.True(t, ok, "field %s", name)
	r := Default().Rules(p)
	v, st, prov := fields[i].view(&r)
	require.NotNil(t, prov, "%s %s has a row", p, name)
	return v, st, *prov
}

// TestReviewRows pins every row changed or added after the November 2026
// review: its value, its status and a source it must cite.
func TestReviewRows(t *testing.T) {
	tests := []struct {
		covers string
		p      Province
		field  string
		value  string
		status Status
		source string // one key the row cites
	}{
		// §1: wrong values and conflicts hidden behind CONFIRMED.
		{"上海 licence validity: TC 1 year against QC half a year", Shanghai, "licence_min_validity_days", "365", Uncertain, "QC-shanghai"},
		{"江西 non-locals: QC and HW accept a residence permit", Jiangxi, "non_local_individuals", "proof", Uncertain, "QC-jiangxi"},
		{"江西 residence proofs", Jiangxi, "residence_proofs", "residence_permit|temporary_residence_permit", Uncertain, "HW-prov"},
		{"宁夏 non-locals: QC and HW refuse", Ningxia, "non_local_individuals", "refused", Uncertain, "QC-ningxia"},
		{"河北 non-locals: QC asks for a residence permit", Hebei, "non_local_individuals", "proof", Uncertain, "QC-hebei"},
		{"福建 individuals from 16", Fujian, "min_age", "16", Confirmed, "TC-P-福建"},
		{"福建 unit managers from 18", Fujian, "min_age_unit", "18", Confirmed, "TC-P-福建"},
		{"福建 minors 8–16 with a guardian statement", Fujian, "minor_documents", "guardian_statement", Confirmed, "TC-P-福建"},
		{"河南 minors with the guardian's ID", Henan, "minor_documents", "guardian_id", Confirmed, "QC-henan"},
		{"河南 unit managers under 18 refused", Henan, "minor_documents_unit", "none", Confirmed, "QC-henan"},
		{"安徽 minors with the guardian's ID", Anhui, "minor_documents", "guardian_id", Confirmed, "TC-P-安徽"},
		{"山东 minors with the guardian's ID (not income proof)", Shandong, "minor_documents", "guardian_id", Confirmed, "TC-P-山东"},
		{"吉林 minors with income proof", Jilin, "minor_documents", "income_proof", Confirmed, "TC-P-吉林"},
		{"天津 minors: 2 of 3 sources refuse", Tianjin, "minor_documents", "none", Uncertain, "QC-tianjin"},
		{"天津 retirement limit: site manager only", Tianjin, "retirement_age_limit", "yes", Confirmed, "TC-P-天津"},
		{"no national cap of 5 individual services", Zhejiang, "max_individual_services", "-", Unknown, "HW-rules"},
		{"陕西 keeps its own cap of 5", Shaanxi, "max_individual_services", "5", Confirmed, "TC-P-陕西"},
		{"山东 site-name forms banned for units", Shandong, "site_name_unit_banned_forms", "domain|url|english|personal_name", Confirmed, "QC-shandong"},
		{"山东 individuals' English names not stated", Shandong, "site_name_individual_no_english", "-", Unknown, "TC-P-山东"},
		{"重庆 plan threshold: TC 35 against QC more than 30", Chongqing, "plan_threshold_unit_sites", "31", Uncertain, "QC-chongqing"},
		{"福建 domain holder: HW also accepts the legal representative", Fujian, "domain_holder_unit_only", "yes", Uncertain, "HW-policy"},
		{"内蒙古 non-locals: QC accepts a residence permit (found while reading)", InnerMongolia, "non_local_individuals", "refused", Uncertain, "QC-neimenggu"},
		{"天津 non-locals rest on one weak line", Tianjin, "non_local_individuals", "allowed", Uncertain, "HW-policy"},
		{"山西 individual domains per order not stated", Shanxi, "max_domains_per_order_individual", "-", Unknown, "HW-prov"},
		// §2: missing rows.
		{"重庆 non-locals refused", Chongqing, "non_local_individuals", "refused", Confirmed, "QC-chongqing"},
		{"甘肃 manager authorisation", Gansu, "manager_authorization", "yes", Confirmed, "QC-gansu"},
		{"湖南 local mobiles for units too", Hunan, "local_mobile_unit", "owner|manager", Confirmed, "QC-hunan"},
		{"河南 local mobiles", Henan, "local_mobile_individual", "owner|manager", Confirmed, "QC-henan"},
		{"四川 local mobiles", Sichuan, "local_mobile_unit", "owner|manager", Confirmed, "QC-sichuan"},
		{"甘肃 unit local mobiles", Gansu, "local_mobile_unit", "owner|manager", Confirmed, "QC-gansu"},
		{"江苏 both managers local", Jiangsu, "local_mobile_unit", "owner|manager", Confirmed, "QC-jiangsu"},
		{"陕西 local mobiles", Shaanxi, "local_mobile_individual", "owner|manager", Confirmed, "QC-shaanxi"},
		{"陕西 remark alternative for units", Shaanxi, "local_mobile_remark", "unit", Confirmed, "QC-shaanxi"},
		{"河北 local mobile only for non-local individuals", Hebei, "local_mobile_individual", "owner|manager|if_non_local", Confirmed, "TC-P-河北"},
		{"新疆 party-building letter, also for later access filings", Xinjiang, "extra_documents", "party_building_letter", Confirmed, "TC-P-新疆"},
		{"上海 filing commitment for units", Shanghai, "extra_documents_unit", "filing_commitment", Confirmed, "QC-shanghai"},
		{"广东 finance commitment for units", Guangdong, "extra_documents_unit", "finance_commitment", Confirmed, "TC-provfaq"},
		{"广东 filing commitment for every subject", Guangdong, "extra_documents", "filing_commitment", Confirmed, "HW-mat"},
		{"no unit-only documents stated elsewhere", Beijing, "extra_documents_unit", "-", Unknown, "TC-materials"},
		{"河南 domain certificates from 4 domains", Henan, "domain_certificate_min_domains", "4", Confirmed, "QC-henan"},
		{"陕西 domain certificates from 5 domains", Shaanxi, "domain_certificate_min_domains", "5", Confirmed, "QC-shaanxi"},
		{"广东 unit plan over 31", Guangdong, "plan_threshold_unit_sites", "32", Confirmed, "QC-guangdong"},
		{"广东 individual plan over 5", Guangdong, "plan_threshold_individual_sites", "6", Confirmed, "QC-guangdong"},
		{"福建 plan over 5", Fujian, "plan_threshold_unit_sites", "6", Confirmed, "QC-fujian"},
		{"江西 individual plan over 5 domains", Jiangxi, "plan_threshold_individual_sites", "6", Confirmed, "QC-jiangxi"},
		{"陕西 verification photo for a month", Shaanxi, "verification_photo_max_days", "30", Confirmed, "QC-shaanxi"},
		{"浙江 resolved IP equals filed IP", Zhejiang, "resolved_ip_must_match", "yes", Confirmed, "QC-zhejiang"},
		{"黑龙江 resolved IP equals filed IP", Heilongjiang, "resolved_ip_must_match", "yes", Confirmed, "QC-heilongjiang"},
		{"黑龙江 IP change needs a change filing", Heilongjiang, "ip_change_needs_filing", "yes", Confirmed, "QC-heilongjiang"},
		{"浙江 IP change: not stated in words", Zhejiang, "ip_change_needs_filing", "no", Confirmed, "TC-change"},
		{"河南 filed sites stay open", Henan, "filed_sites_reachable", "yes", Confirmed, "TC-P-河南"},
		{"贵州 filed sites may close", Guizhou, "filed_sites_reachable", "no", Confirmed, "TC-P-贵州"},
		{"天津 ID and mobile for one subject", Tianjin, "person_one_subject", "id|mobile", Confirmed, "TC-P-天津"},
		{"四川 ID for one subject", Sichuan, "person_one_subject", "id", Confirmed, "TC-P-四川"},
		{"重庆 mobile for one subject", Chongqing, "person_one_subject", "mobile", Confirmed, "TC-P-重庆"},
		{"江苏 one site manager per company", Jiangsu, "manager_one_subject", "yes", Confirmed, "TC-P-江苏"},
		{"江西 one site manager per company", Jiangxi, "manager_one_subject", "yes", Confirmed, "TC-P-江西"},
		{"天津 site manager is not the owner", Tianjin, "manager_not_owner", "yes", Confirmed, "QC-tianjin"},
		{"内蒙古 编办 approval", InnerMongolia, "bianban_approval", "yes", Confirmed, "TC-P-内蒙古"},
		{"黑龙江 编办 approval", Heilongjiang, "bianban_approval", "yes", Confirmed, "TC-P-黑龙江"},
		{"江西 编办 approval", Jiangxi, "bianban_approval", "yes", Confirmed, "HW-prov"},
		{"黑龙江 refuses 其他", Heilongjiang, "service_content_refused", "其他", Confirmed, "TC-P-黑龙江"},
		{"江西 blogs need approval", Jiangxi, "personal_space_needs_approval", "yes", Confirmed, "QC-jiangxi"},
		{"江西 blogs not accepted without it", Jiangxi, "personal_space_accepted", "no", Confirmed, "QC-jiangxi"},
		{"foreign registrars refused nationally", Beijing, "foreign_registrar_refused", "yes", Confirmed, "HW-domain"},
		{"no expedited review in Beijing", Beijing, "expedited_review", "no", Confirmed, "TC-review"},
	}
	for _, tt := range tests {
		t.Run(tt.covers, func(t *testing.T) {
			v, st, prov := fact(t, tt.p, tt.field)
			assert.Equal(t, tt.value, v)
			assert.Equal(t, tt.status, st)
			assert.Contains(t, SourceKeys(prov.Source), tt.source)
			if st == Uncertain {
				assert.NotEmpty(t, prov.Note, "an UNCERTAIN row says why in its note")
			}
		})
	}
}

// TestConflictNotes: every UNCERTAIN row of the shipped table explains
// itself, and every row naming a conflict is UNCERTAIN.
func TestConflictNotes(t *testing.T) {
	for _, rw := range Default().rows {
		if rw.status == Uncertain {
			assert.NotEmpty(t, rw.meta.Note, "line %d", rw.meta.Line)
		}
		if strings.HasPrefix(rw.meta.Note, "conflict:") {
			assert.Equal(t, Uncertain, rw.status, "line %d names a conflict", rw.meta.Line)
		}
	}
}

func TestRulesAccessors(t *testing.T) {
	fj := Fujian.Rules()
	assert.Equal(t, 18, fj.MinAgeFor(true).Value(), "福建 units")
	assert.Equal(t, 16, fj.MinAgeFor(false).Value(), "福建 individuals")
	unitDocs := fj.MinorDocumentsFor(true)
	assert.True(t, unitDocs.Known())
	assert.Zero(t, unitDocs.Value().Len(), "福建 unit managers under 18 are refused")
	assert.True(t, fj.MinorDocumentsFor(false).Value().Contains("guardian_statement"))

	jl := Jilin.Rules()
	assert.Equal(t, 18, jl.MinAgeFor(true).Value(), "吉林 states one age: it serves units too")
	assert.True(t, jl.MinorDocumentsFor(true).Value().Contains("income_proof"), "and so do its documents")

	tests := []struct {
		name       string
		p          Province
		unit       bool
		role       PhoneRole
		nonLocalID bool
		need       bool
	}{
		{"河南 unit owner", Henan, true, OwnerMobile, false, true},
		{"河南 emergency phone not named", Henan, true, EmergencyPhone, false, false},
		{"广西 all numbers", Guangxi, false, EmergencyPhone, false, true},
		{"河北 local individual", Hebei, false, OwnerMobile, false, false},
		{"河北 non-local individual", Hebei, false, OwnerMobile, true, true},
		{"河北 unit", Hebei, true, ManagerMobile, true, false},
		{"山东 no rule", Shandong, false, OwnerMobile, true, false},
		{"浙江 unknown", Zhejiang, true, OwnerMobile, false, false},
		{"bad role", Henan, true, PhoneRole(9), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			need, f := tt.p.Rules().NeedsLocalMobile(tt.unit, tt.role, tt.nonLocalID)
			assert.Equal(t, tt.need, need)
			if need {
				assert.NotEmpty(t, f.Source())
			}
		})
	}
	assert.True(t, Shaanxi.Rules().LocalMobileRemarkAccepted(true))
	assert.False(t, Shaanxi.Rules().LocalMobileRemarkAccepted(false))
	assert.False(t, Henan.Rules().LocalMobileRemarkAccepted(true))
}

func TestDiff(t *testing.T) {
	assert.Empty(t, Diff(Default(), Default()), "a table equals itself")
	tb, err := Default().Patch(strings.NewReader("浙江\treview_workdays\t25\tUNCERTAIN\tpanel-1\t-\t-\tseen in practice\n"))
	require.NoError(t, err)
	got := Diff(Default(), tb)
	require.Len(t, got, 1)
	assert.Equal(t, Change{Province: Zhejiang, Field: "review_workdays", Old: "30", New: "25", OldStatus: Confirmed, NewStatus: Uncertain,
		OldSource: "TC-review", NewSource: "panel-1", OldScope: "浙江", NewScope: "浙江", NewNote: "seen in practice"}, got[0])

	// A national row reaches every province without a row of its own.
	nat, err := Default().Patch(strings.NewReader("*\treview_workdays\t15\tUNCERTAIN\tpanel-1\t-\t-\n"))
	require.NoError(t, err)
	changes := Diff(Default(), nat)
	assert.Len(t, changes, 30, "浙江 keeps its own row")
	for _, c := range changes {
		assert.Equal(t, "*", c.NewScope)
		assert.NotEqual(t, Zhejiang, c.Province)
	}

	// A source change alone is a change; a row made unknown shows "-".
	src, err := Default().Patch(strings.NewReader("浙江\treview_workdays\t30\tCONFIRMED\tTC-review; HW-flow\t-\t-\n北京\tmin_age\t-\tUNKNOWN\tpanel-1\t-\t-\n"))
	require.NoError(t, err)
	changes = Diff(Default(), src)
	require.Len(t, changes, 2)
	assert.Equal(t, "min_age", changes[0].Field)
	assert.Equal(t, "-", changes[0].New)
	assert.Equal(t, Unknown, changes[0].NewStatus)
	assert.Equal(t, "HW-flow", SourceKeys(changes[1].NewSource)[1])

	// DiffAt compares the rules of one day.
	before := time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)
	video, err := Default().Patch(strings.NewReader("江苏\textra_documents\ttruthfulness_notice\tCONFIRMED\tTC-P-江苏\t-\t-\n"))
	require.NoError(t, err)
	assert.Len(t, DiffAt(Default(), video, before), 1, "the patch replaces both periods")
	assert.Equal(t, "-", DiffAt(Default(), video, before)[0].Old, "before 2021-06-01 the national row (unknown) applied")
}
