// libpq, PostgreSQL's own client library, for the real-server lab (RealServers) only.
// pkg-config libpq adds -I/usr/include/postgresql; the Debian package is libpq-dev.
#ifndef POOLSCHOOL_CLIBPQ_SHIM_H
#define POOLSCHOOL_CLIBPQ_SHIM_H

#include <libpq-fe.h>

#endif
