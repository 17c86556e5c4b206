#ifndef STUDIO_FORECAST_CGSL_SHIM_H
#define STUDIO_FORECAST_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_version.h>

/* Swift 6 rejects GSL's mutable globals as shared state, so they are read
   through these accessors. */

static inline const gsl_rng_type **cgsl_rng_types(void) { return gsl_rng_types_setup(); }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const char *cgsl_version(void) { return gsl_version; }
static inline void cgsl_turn_off_error_handler(void) { (void)gsl_set_error_handler_off(); }

/* gsl_rng_uniform and gsl_rng_get as GSL defines them with HAVE_INLINE: the
   generator's own function, called without a second call through the library.
   They draw exactly what the library's functions draw. */

static inline double cgsl_rng_uniform(const gsl_rng *r) { return (r->type->get_double)(r->state); }
static inline unsigned long cgsl_rng_get(const gsl_rng *r) { return (r->type->get)(r->state); }

#endif
