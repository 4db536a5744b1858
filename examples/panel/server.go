package main

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"maps"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/examples/panel/internal/checkapi"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/refile"
	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/subject"
)

//go:embed static
var staticFiles embed.FS

// Limits of what the server accepts.
const (
	maxJSON      = 1 << 20  // an application or a deployment
	maxUpload    = 16 << 20 // one material file
	maxStored    = 64 << 20 // all uploads kept for the final check
	maxUploads   = 200
	uploadIDSize = 12
)

// server is the panel: the wizard, its API and the /bind page.
type server struct {
	mux  *http.ServeMux
	bind *handler

	mu       sync.Mutex
	wasmPath string
	wasmGz   []byte // the wasm file gzip-compressed, once read
	wasmMod  time.Time
	uploads  map[string][]byte
	order    []string // upload ids, oldest first
	stored   int
}

func newServer() (*server, error) {
	b, err := newHandler()
	if err != nil {
		return nil, err
	}
	s := &server{mux: http.NewServeMux(), bind: b, uploads: map[string][]byte{}}
	static, _ := fs.Sub(staticFiles, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /wasm_exec.js", s.wasmExec)
	s.mux.HandleFunc("GET /check.wasm", s.wasm)
	s.mux.HandleFunc("POST /api/check", s.apiCheck)
	s.mux.HandleFunc("GET /api/form", s.apiForm)
	s.mux.HandleFunc("GET /api/schema", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/schema+json")
		w.Write(icp.ApplicationSchema())
	})
	s.mux.HandleFunc("POST /api/upload", s.apiUpload)
	s.mux.HandleFunc("POST /api/upload/{id}", s.apiReinspect)
	s.mux.HandleFunc("POST /api/submit", s.apiSubmit)
	s.mux.Handle("/bind", b)
	return s, nil
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	s.mux.ServeHTTP(w, r)
}

// setWasm serves the wasm file at path, compressed with gzip for the
// browsers that accept it (14.8 MB become 3.6 MB).
func (s *server) setWasm(path string) {
	var gz []byte
	var mod time.Time
	if b, err := os.ReadFile(path); err == nil {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(b)
		if zw.Close() == nil {
			gz = buf.Bytes()
		}
		if fi, err := os.Stat(path); err == nil {
			mod = fi.ModTime()
		}
	}
	s.mu.Lock()
	s.wasmPath, s.wasmGz, s.wasmMod = path, gz, mod
	s.mu.Unlock()
}

func (s *server) wasm(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	p, gz, mod := s.wasmPath, s.wasmGz, s.wasmMod
	s.mu.Unlock()
	if p == "" {
		http.Error(w, "no wasm check on this server", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/wasm")
	w.Header().Add("Vary", "Accept-Encoding")
	if gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		http.ServeContent(w, r, "", mod, bytes.NewReader(gz))
		return
	}
	http.ServeFile(w, r, p)
}

func (s *server) wasmExec(w http.ResponseWriter, r *http.Request) {
	p := wasmExecPath()
	if p == "" {
		http.Error(w, "wasm_exec.js not found in GOROOT", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	http.ServeFile(w, r, p)
}

// langOf returns "en" or "zh-Hans" from the lang query parameter.
func langOf(r *http.Request) string {
	if r.URL.Query().Get("lang") == "en" {
		return "en"
	}
	return "zh-Hans"
}

func tagOf(lang string) language.Tag {
	if lang == "en" {
		return language.English
	}
	return language.SimplifiedChinese
}

// chinaToday is today's date in China (UTC+8), the date every check of one
// page uses, in the browser and on the server alike.
func chinaToday() string {
	return time.Now().In(workday.China).Format(time.DateOnly)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		log.Print(err)
	}
}

type apiError struct {
	Error string `json:"error"`
	Path  string `json:"path,omitempty"`
}

// checkRequest is the body of /api/check and /api/submit.
type checkRequest struct {
	Application json.RawMessage `json:"application"`
	Options     json.RawMessage `json:"options"`
	// Before is the deployment as filed today, for the re-filing plan of a
	// change (submit only).
	Before json.RawMessage `json:"before,omitempty"`
}

func readRequest(w http.ResponseWriter, r *http.Request) (checkRequest, bool) {
	var req checkRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "request: " + err.Error()})
		return req, false
	}
	return req, true
}

// apiCheck runs exactly what the wasm build runs: the page falls back to
// it when there is no wasm.
func (s *server) apiCheck(w http.ResponseWriter, r *http.Request) {
	req, ok := readRequest(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(checkapi.Check(req.Application, req.Options))
}

func (s *server) apiForm(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	o := checkapi.Options{Lang: langOf(r), Profile: q.Get("profile"), At: q.Get("at"),
		FilingType: q.Get("filing_type"), Province: q.Get("province"), Kind: q.Get("kind")}
	b, _ := json.Marshal(o)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(checkapi.Form(b))
}

// uploadResult is what the page shows beside an uploaded file.
type uploadResult struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Format    string        `json:"format"`
	Width     int           `json:"width"`
	Height    int           `json:"height"`
	Size      int64         `json:"size"`
	DPI       int           `json:"dpi"`
	DPIKnown  bool          `json:"dpi_known"`
	Trailing  int64         `json:"trailing"`
	Appended  string        `json:"appended,omitempty"`
	Truncated bool          `json:"truncated"`
	Findings  []icp.Finding `json:"findings"`
	Summary   string        `json:"summary"`
}

var safeName = regexp.MustCompile(`[^\p{L}\p{N}._-]+`)

// apiUpload inspects one material with material.Inspect, checks it against
// the profile's spec for its kind and keeps it for the final check.
func (s *server) apiUpload(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload+64<<10)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: ui(lang, "upload_bad") + ": " + err.Error()})
		return
	}
	defer f.Close()
	var kind material.Kind
	if err := kind.UnmarshalText([]byte(r.FormValue("kind"))); err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: err.Error(), Path: "kind"})
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, maxUpload+1))
	if err != nil || len(data) > maxUpload {
		writeJSON(w, http.StatusRequestEntityTooLarge, apiError{Error: ui(lang, "upload_large")})
		return
	}
	res := inspect(data, kind, r.FormValue("profile"), lang)
	res.Name = safeName.ReplaceAllString(hdr.Filename, "_")
	res.ID = s.store(data)
	writeJSON(w, http.StatusOK, res)
}

// apiReinspect inspects a kept upload again, in another language or for
// another profile.
func (s *server) apiReinspect(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	var kind material.Kind
	if err := kind.UnmarshalText([]byte(r.FormValue("kind"))); err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: err.Error(), Path: "kind"})
		return
	}
	s.mu.Lock()
	data, ok := s.uploads[r.PathValue("id")]
	s.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError{Error: ui(lang, "upload_gone")})
		return
	}
	res := inspect(data, kind, r.FormValue("profile"), lang)
	res.ID, res.Name = r.PathValue("id"), safeName.ReplaceAllString(r.FormValue("name"), "_")
	writeJSON(w, http.StatusOK, res)
}

// inspect reads a material with material.Inspect and checks it against the
// profile's spec for its kind, with the findings Check would give.
func inspect(data []byte, kind material.Kind, profileName, lang string) uploadResult {
	tag := tagOf(lang)
	profile := icp.Default
	if p, ok := icp.ProfileByName(profileName); ok {
		profile = p
	}
	res := uploadResult{Findings: []icp.Finding{}}
	info, err := material.Inspect(bytes.NewReader(data))
	if err != nil {
		part := err.Error()
		var ie *material.InspectError
		if errors.As(err, &ie) {
			part = string(ie.Format) + ": " + ie.Part + ": " + ie.Err.Error()
		}
		res.Findings = append(res.Findings, icp.NewFinding(tag, "material.unreadable", icp.SeverityError, "", "material.Inspect", "part", part))
		res.Format, res.Size = string(info.Format), int64(len(data))
	} else {
		res.Format, res.Width, res.Height, res.Size = string(info.Format), info.Width, info.Height, info.Size
		res.DPI, res.DPIKnown = info.DPI()
		res.Trailing, res.Appended, res.Truncated = info.Trailing, info.Appended, info.Truncated
		spec := profile.Materials.Spec(kind)
		for _, p := range spec.Check(info) {
			sev := icp.SeverityError
			if p.Code == material.ProblemDPIUnknown {
				sev = icp.SeverityWarning
			}
			kv := make([]string, 0, 2*len(p.Params))
			for _, k := range slices.Sorted(maps.Keys(p.Params)) {
				kv = append(kv, k, p.Params[k])
			}
			res.Findings = append(res.Findings, icp.NewFinding(tag, p.Code, sev, "", spec.Source, kv...))
		}
	}
	res.Summary = uploadSummary(lang, res)
	return res
}

func uploadSummary(lang string, r uploadResult) string {
	dpi := ui(lang, "dpi_none")
	if r.DPIKnown {
		dpi = strconv.Itoa(r.DPI) + " dpi"
	}
	tail := ui(lang, "trailing_none")
	if r.Trailing != 0 || r.Appended != "" {
		tail = fmt.Sprintf(ui(lang, "trailing_some"), r.Trailing, r.Appended)
	}
	return fmt.Sprintf(ui(lang, "upload_summary"), strings.ToUpper(r.Format), r.Width, r.Height, formatSize(r.Size), dpi, tail)
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1000:
		return fmt.Sprintf("%.0f KB", float64(n)/1000)
	}
	return strconv.FormatInt(n, 10) + " B"
}

// store keeps an upload in memory for the final check, dropping the oldest
// ones past the limits.
func (s *server) store(data []byte) string {
	var b [uploadIDSize]byte
	rand.Read(b[:])
	id := "upload-" + hex.EncodeToString(b[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.order) > 0 && (s.stored+len(data) > maxStored || len(s.order) >= maxUploads) {
		old := s.order[0]
		s.order = s.order[1:]
		s.stored -= len(s.uploads[old])
		delete(s.uploads, old)
	}
	s.uploads[id] = data
	s.order = append(s.order, id)
	s.stored += len(data)
	return id
}

// open is the material opener of the final check.
func (s *server) open(path string) (io.ReadCloser, error) {
	s.mu.Lock()
	data, ok := s.uploads[path]
	s.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("%w: %s", fs.ErrNotExist, path)
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

// A reportSection is one group of the review's report.
type reportSection struct {
	Key      string        `json:"key"`
	Title    string        `json:"title"`
	Findings []icp.Finding `json:"findings"`
}

// submitResult is the review: the report by section, the footer and the
// re-filing plan.
type submitResult struct {
	OK             bool            `json:"ok"`
	Errors         int             `json:"errors"`
	Warnings       int             `json:"warnings"`
	Infos          int             `json:"infos"`
	Sections       []reportSection `json:"sections"`
	Findings       []icp.Finding   `json:"findings"`
	FooterHTML     string          `json:"footer_html,omitempty"`
	FooterText     string          `json:"footer_text,omitempty"`
	FooterExample  bool            `json:"footer_example,omitempty"`
	FooterFindings []icp.Finding   `json:"footer_findings,omitempty"`
	Plan           *refile.Result  `json:"plan,omitempty"`
	PlanError      string          `json:"plan_error,omitempty"`
}

// sectionOf maps a finding's field to a step of the wizard.
func sectionOf(field string) string {
	switch {
	case field == "filing_type" || field == "province":
		return "subject"
	case strings.HasPrefix(field, "subject.owner"):
		return "people"
	case strings.HasPrefix(field, "subject"):
		return "subject"
	case strings.HasPrefix(field, "sites[") && strings.Contains(field, "].manager"):
		return "people"
	case strings.HasPrefix(field, "sites"), strings.HasPrefix(field, "resource"):
		return "sites"
	case strings.HasPrefix(field, "materials"):
		return "materials"
	}
	return "general"
}

var sectionOrder = []string{"subject", "people", "sites", "materials", "general"}

func (s *server) apiSubmit(w http.ResponseWriter, r *http.Request) {
	req, ok := readRequest(w, r)
	if !ok {
		return
	}
	var o checkapi.Options
	if len(req.Options) > 0 {
		if err := json.Unmarshal(req.Options, &o); err != nil {
			writeJSON(w, http.StatusBadRequest, apiError{Error: "options: " + err.Error()})
			return
		}
	}
	lang := "zh-Hans"
	if o.Lang == "en" {
		lang = "en"
	}
	opts, err := o.IcpOptions()
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "options: " + err.Error()})
		return
	}
	app, err := icp.DecodeApplication(bytes.NewReader(req.Application))
	if err != nil {
		e := apiError{Error: ui(lang, "decode_failed") + ": " + err.Error()}
		var de *icp.DecodeError
		if errors.As(err, &de) {
			e.Path = de.Path
		}
		writeJSON(w, http.StatusUnprocessableEntity, e)
		return
	}
	rep := icp.Check(app, append(opts, icp.WithMaterialOpener(s.open))...)
	res := submitResult{OK: rep.OK(), Errors: len(rep.Errors()), Warnings: len(rep.Warnings()), Infos: len(rep.Infos()), Findings: rep.Findings}
	if res.Findings == nil {
		res.Findings = []icp.Finding{}
	}
	bySection := map[string][]icp.Finding{}
	for _, f := range rep.Findings {
		k := sectionOf(f.Field)
		bySection[k] = append(bySection[k], f)
	}
	for _, k := range sectionOrder {
		if len(bySection[k]) > 0 {
			res.Sections = append(res.Sections, reportSection{Key: k, Title: ui(lang, "step_"+k), Findings: bySection[k]})
		}
	}
	s.footer(&res, app)
	if isChange(app.FilingType) && len(bytes.TrimSpace(req.Before)) > 0 {
		before, err := refile.DecodeDeployment(bytes.NewReader(req.Before))
		if err != nil {
			res.PlanError = err.Error()
		} else {
			plan := refile.Plan(before, deploymentOf(app), opts...)
			res.Plan = &plan
		}
	}
	writeJSON(w, http.StatusOK, res)
}

func isChange(t icp.FilingType) bool {
	switch t {
	case icp.ChangeSubject, icp.ChangeSite, icp.ChangeAccess, icp.ChangeAll, icp.NewAccess, icp.NewSite:
		return true
	}
	return false
}

// footer renders the footer snippet: with the first site's number when the
// application has one, else with an example number of the province, marked
// as such.
func (s *server) footer(res *submitResult, app icp.Application) {
	n := icp.Number{}
	for _, st := range app.Sites {
		if st.Number.IsValid() {
			n = st.Number
			break
		}
	}
	if !n.IsValid() {
		if !app.Province.IsValid() {
			return
		}
		ex, err := icp.ParseNumber(app.Province.ICPAbbr() + "ICP备12345678号-1")
		if err != nil {
			return
		}
		n, res.FooterExample = ex, true
	}
	f := icp.Footer{ICP: n, Company: app.Subject.Name}
	if app.Subject.Kind == subject.Individual {
		f.Company = ""
	}
	if h, err := f.HTML(); err == nil {
		res.FooterHTML = string(h)
	}
	if t, err := f.Text(); err == nil {
		res.FooterText = t
	}
	if !res.FooterExample {
		res.FooterFindings = f.Check().Findings
	}
}

// deploymentOf is the deployment an application describes once filed.
func deploymentOf(a icp.Application) refile.Deployment {
	s := a.Subject
	d := refile.Deployment{Subject: refile.DeploymentSubject{Kind: s.Kind, Name: s.Name, Number: s.Number, Certificate: s.Certificate,
		Province: a.Province, Address: s.Address, Owner: s.Owner}}
	for _, st := range a.Sites {
		d.Sites = append(d.Sites, refile.DeployedSite{Number: st.Number, Name: st.Name, Domains: st.Domains, Manager: st.Manager,
			Access: []icp.Access{st.Access}, Commercial: st.Commercial, DomainHolder: st.DomainHolder})
	}
	return d
}

// page renders the wizard.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pageTmpl.Execute(w, newPageData(lang)); err != nil {
		log.Print(err)
	}
}

// mustJSON is for the page's embedded data.
func mustJSON(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return template.JS(b)
}
