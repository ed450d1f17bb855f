// Inside tools/central only: the report's "What informed views looked like" sections, one per
// scenario whose visits stored informed-view records (core/informed.hpp), built from the
// visits' records (report_data.hpp) and counted by core/informed_summary.hpp.
#pragma once

#include "report.hpp"

#include <string>
#include <vector>

namespace dv::central {

// Appends a section per such scenario of the packs given, for the visits `filter` keeps.
// Table names start with `prefix` ("" or "facilitator_").
bool add_informed_sections(CentralDb& db, const ReportOptions& o, const ReportFilter& filter, const std::string& prefix,
                           std::vector<ReportSection>& out, std::string& error);

}  // namespace dv::central
