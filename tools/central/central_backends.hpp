// Inside tools/central only: the two backends of CentralDb (central_sqlite.cpp,
// central_postgres.cpp).
#pragma once

#include "central_db.hpp"

namespace dv::central {

std::unique_ptr<CentralDb> open_sqlite(const std::string& path, std::string& error);
std::unique_ptr<CentralDb> open_postgres(const std::string& uri, std::string& error);

}  // namespace dv::central
