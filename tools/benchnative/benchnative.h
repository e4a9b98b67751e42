/* benchnative: shared declarations (see benchnative.c). */
#ifndef USERMM_BENCHNATIVE_H
#define USERMM_BENCHNATIVE_H

#include <stdint.h>

/* benchnative.c */
void native_missing(const char *reason) __attribute__((noreturn));
int64_t native_now_ns(void);

/* x11inject.c */
int x11_inject(const char *title, const char *fifo, int count);

#endif
