#ifndef STUDIO_FORECAST_CXLSXWRITER_SHIM_H
#define STUDIO_FORECAST_CXLSXWRITER_SHIM_H

/* libxlsxwriter, from Debian's libxlsxwriter-dev: .xlsx files with native charts. */
#include <xlsxwriter.h>

#endif
