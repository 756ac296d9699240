#ifndef DESCENT_CZLIB_SHIM_H
#define DESCENT_CZLIB_SHIM_H
#include <zlib.h>
#endif
