// The page shell of the HTML report: head, style, script, summary, configuration.
#include "HtmlWriter.h"
#include "Paths.h"

#include <cstdio>

namespace contractcheck {

namespace html {

std::string escape(std::string_view Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text) {
    switch (C) {
    case '&': Out += "&amp;"; break;
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '"': Out += "&quot;"; break;
    case '\'': Out += "&#39;"; break;
    default: Out += C;
    }
  }
  return Out;
}

Page::Page(const RunReport &Report, SourceFiles &Sources, const HtmlRunInfo &Run)
    : Report(Report), Sources(Sources), Run(Run) {
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    FindingIndex.try_emplace({F.RuleId, F.Position.File, F.Position.Line, F.Position.Column}, I);
  }
}

std::string Page::shownPath(const std::string &File) const {
  return displayPath(File, Run.BaseDir);
}

std::string Page::shown(const SourcePosition &P) const {
  std::string Text = shownPath(P.File);
  if (P.Line) // appended in two steps: GCC 12 misreads ":" + to_string() (-Wrestrict)
    Text.append(":").append(std::to_string(P.Line));
  return Text;
}

std::string Page::placeLink(const SourcePosition &P) const {
  if (P.File.empty())
    return "";
  return "<a class=place href=\"file://" + escape(P.File) + "\" title=\"" + lineAt(P) + "\">" +
         escape(shown(P)) + "</a>";
}

std::string Page::findingAnchor(const std::string &Rule, const SourcePosition &P) const {
  auto It = FindingIndex.find({Rule, P.File, P.Line, P.Column});
  if (It == FindingIndex.end())
    return "";
  return std::string("f").append(std::to_string(It->second));
}

std::string Page::lineAt(const SourcePosition &P) const {
  if (P.File.empty() || !P.Line)
    return "";
  std::string_view Line = P.Line ? Sources.line(P.File, P.Line) : std::string_view();
  size_t First = Line.find_first_not_of(" \t");
  return First == std::string_view::npos ? "" : escape(Line.substr(First, 200));
}

namespace {

// Text on its background is at least 4.5:1 everywhere (WCAG AA); the browser test measures it.
constexpr std::string_view Style = R"css(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 48px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:18px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:15px;margin:14px 0 6px;display:inline}h4{font-size:14px;margin:10px 0 4px;font-family:ui-monospace,monospace}
nav a{margin-right:14px}a{color:#0550ae}code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
table{border-collapse:collapse;margin:6px 0 10px}th,td{border:1px solid #d0d7de;padding:1px 8px;text-align:left;vertical-align:top}
thead th{background:#f6f8fa;font-weight:600}tbody th{font-weight:500;font-family:ui-monospace,monospace;font-size:12.5px}
.finding{border:1px solid #d0d7de;border-left:4px solid #cf222e;border-radius:4px;padding:6px 10px;margin:6px 0;background:#fff}
.finding.warning{border-left-color:#9a6700}.finding:target{outline:3px solid #0969da;background:#f1f8ff}
.sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:0 4px;border-radius:3px;background:#ffebe9;color:#82071e}
.sev.warning{background:#fff8c5;color:#6c4400}.rule{color:#57606a;font-size:12px}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:6px 8px;overflow:auto;margin:4px 0}
.note{margin-left:18px}.del{background:#ffebe9;color:#82071e;display:block}.add{background:#dafbe1;color:#116329;display:block}
.filters{display:flex;gap:12px;flex-wrap:wrap;align-items:center;margin:6px 0 10px}label{font-weight:600}
input,select{font:inherit;padding:2px 6px;border:1px solid #8c959f;border-radius:4px;color:#1b1f24;background:#fff}
details{border:1px solid #d0d7de;border-radius:4px;margin:4px 0;padding:2px 8px}summary{cursor:pointer;padding:2px 0}
.counts{color:#57606a;font-size:12.5px;margin-left:8px}.hidden{display:none}
td.handled{background:#dafbe1;color:#0f4d1f}td.default{background:#fff8c5;color:#5c3d00}td.missing{background:#ffebe9;color:#82071e}
td.sentinel{background:#eaeef2;color:#32383f}td.matching{background:#dafbe1;color:#0f4d1f}td.differing{background:#ffebe9;color:#82071e}
td.absent{background:#eaeef2;color:#32383f}td.drift{outline:2px solid #cf222e;outline-offset:-2px;font-weight:700}
td.drift a{color:#82071e}.kind{display:block;font-weight:400;color:#57606a;font-size:11.5px}
.how{color:inherit;font-size:11.5px;font-family:ui-monospace,monospace;margin-left:4px}.scroll{overflow-x:auto}
caption{text-align:left;font-size:12.5px;color:#57606a}td{white-space:nowrap}
.legend span{display:inline-block;padding:0 6px;margin-right:6px;border-radius:3px}
)css";

// Filters (findings), search (maps), laying out a map entry's table when it is first opened,
// and opening a map entry a link points into.
constexpr std::string_view Script = R"js(
(function(){
function $(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s));}
function filterFindings(){
 var rule=document.getElementById('f-rule').value,sev=document.getElementById('f-sev').value,
 path=document.getElementById('f-path').value.toLowerCase(),shown=0;
 $('.finding').forEach(function(f){
  var ok=(!rule||f.dataset.rule===rule)&&(!sev||f.dataset.severity===sev)&&(!path||f.dataset.path.toLowerCase().indexOf(path)>=0);
  f.classList.toggle('hidden',!ok);if(ok)shown++;});
 $('.group').forEach(function(g){g.classList.toggle('hidden',$('.finding:not(.hidden)',g).length===0);});
 document.getElementById('f-count').textContent=shown+' shown';}
function search(box){
 var q=box.value.toLowerCase();
 $('details',document.getElementById(box.dataset.target)).forEach(function(d){
  d.classList.toggle('hidden',q!==''&&d.dataset.name.toLowerCase().indexOf(q)<0);});}
function layOut(d){var s=d.querySelector('script.lazy-table');if(!s||!d.open)return;
 s.insertAdjacentHTML('afterend',s.textContent);s.parentNode.removeChild(s);}
function reveal(){var id=location.hash.slice(1);if(!id)return;var e=document.getElementById(id);if(!e)return;
 for(var p=e;p;p=p.parentElement)if(p.tagName==='DETAILS'){p.open=true;layOut(p);}
 if(e.classList.contains('hidden')){e.classList.remove('hidden');}e.scrollIntoView();}
document.addEventListener('DOMContentLoaded',function(){
 ['f-rule','f-sev','f-path'].forEach(function(id){var e=document.getElementById(id);if(e){e.addEventListener('input',filterFindings);e.addEventListener('change',filterFindings);}});
 $('input.search').forEach(function(b){b.addEventListener('input',function(){search(b);});});
 $('details').forEach(function(d){d.addEventListener('toggle',function(){layOut(d);});});
 window.addEventListener('hashchange',reveal);reveal();});
})();
)js";

} // namespace

void writeSummary(std::string &Out, const Page &P) {
  const RunReport &R = P.Report;
  char Seconds[32];
  std::snprintf(Seconds, sizeof Seconds, "%.2f", P.Run.Seconds);
  Out += "<section aria-labelledby=summary><h2 id=summary>Summary</h2><p>" +
         std::to_string(R.Findings.size()) + (R.Findings.size() == 1 ? " finding" : " findings") +
         "; " + std::to_string(R.analyzed()) + " of " + std::to_string(R.TranslationUnits) +
         " translation units analysed (" + std::to_string(R.FromStore) +
         " from the result store) in " + Seconds + " s with " + std::to_string(P.Run.Workers) +
         (P.Run.Workers == 1 ? " worker" : " workers") + "; " + std::to_string(R.Suppressed) +
         " suppressed, " + std::to_string(R.Baselined) + " in the baseline, " +
         std::to_string(R.InGeneratedCode) + " in generated code, " +
         std::to_string(R.InVendoredCode) + " in vendored libraries; " +
         std::to_string(R.Maps.Enums.size()) + " enums and " +
         std::to_string(R.Maps.Services.size()) + " services mapped.</p>\n";
  Out += "<table><caption>Findings per rule</caption><thead><tr><th scope=col>Rule</th>"
         "<th scope=col>Findings</th></tr></thead><tbody>";
  for (const auto &[Rule, Count] : R.findingsByRule())
    Out += "<tr><th scope=row><a href=\"#rule-" + escape(Rule) + "\">" + escape(Rule) +
           "</a></th><td>" + std::to_string(Count) + "</td></tr>";
  Out += "</tbody></table>\n";
  if (!R.Failures.empty()) {
    Out += "<table><caption>Translation units not analysed</caption><thead><tr><th "
           "scope=col>File</th><th scope=col>Why</th><th scope=col>First error</th></tr></thead>"
           "<tbody>";
    for (const TUOutcome &F : R.Failures)
      Out += "<tr><th scope=row>" + escape(P.shownPath(F.File)) + "</th><td>" +
             escape(statusName(F.State)) + "</td><td class=mono>" +
             escape(F.Errors.empty() ? "" : F.Errors.front()) + "</td></tr>";
    Out += "</tbody></table>\n";
  }
  if (!R.Problems.empty()) {
    Out += "<h3>Problems with the configuration or the files rules read</h3><ul>";
    for (const RuleProblem &Problem : R.Problems)
      Out += "<li class=mono>" + escape(Problem.text(P.Run.BaseDir)) + "</li>";
    Out += "</ul>\n";
  }
  Out += "</section>\n";
}

void writeConfiguration(std::string &Out, const Page &P) {
  Out += "<section aria-labelledby=configuration><h2 id=configuration>Configuration</h2>"
         "<p>Command line: <code>" +
         escape(P.Run.CommandLine) + "</code></p>\n";
  if (P.Run.Configurations.empty())
    Out += "<p>No .contractcheck.yaml: every rule with its defaults.</p>\n";
  for (const auto &[Path, Text] : P.Run.Configurations)
    Out += "<h3>" + escape(P.shownPath(Path)) + "</h3><pre>" + escape(Text) + "</pre>\n";
  Out += "</section>\n";
}

} // namespace html

std::string toHtml(const RunReport &Report, SourceFiles &Sources, const HtmlRunInfo &Run) {
  html::Page P(Report, Sources, Run);
  std::string Out = "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
                    "<meta name=viewport content=\"width=device-width,initial-scale=1\">"
                    "<title>contractcheck report</title><style>";
  Out += html::Style;
  Out += "</style><script>";
  Out += html::Script;
  Out += "</script></head><body><header><h1>contractcheck report</h1><nav aria-label=sections>"
         "<a href=\"#summary\">Summary</a><a href=\"#findings\">Findings</a>"
         "<a href=\"#enum-map\">Enum map</a><a href=\"#service-map\">Service map</a>"
         "<a href=\"#configuration\">Configuration</a></nav></header><main>\n";
  html::writeSummary(Out, P);
  html::writeFindings(Out, P);
  html::writeEnumMap(Out, P);
  html::writeServiceMap(Out, P);
  html::writeConfiguration(Out, P);
  Out += "</main></body></html>\n";
  return Out;
}

} // namespace contractcheck
