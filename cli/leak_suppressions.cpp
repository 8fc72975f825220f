// SPDX-License-Identifier: MIT
// Built into kpi only under -DKPI_SANITIZE. Fontconfig, which pango asks for the png card's
// fonts, keeps its configuration and font sets for the life of the process and never frees
// them; LeakSanitizer would report that at every png run. kpi's own allocations are not
// suppressed.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
// Quietly: outputs compared byte for byte must not gain the suppression's statistics.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
