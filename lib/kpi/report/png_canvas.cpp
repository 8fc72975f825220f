// SPDX-License-Identifier: MIT
// Loads the png canvas module once, on the first png: next to the program (as in the build
// tree), then where `cmake --install` puts it, seen from the program and as configured.
#include "kpi/report/png_canvas.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <vector>

#include "kpi/core/diagnostic.hpp"

namespace kpi::report {
namespace {

struct Module {
  MakePngCanvas make = nullptr;
  std::string problem;  // where it was looked for, and what the loader said
};

Module load_module() {
  std::vector<std::filesystem::path> places;
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    places.push_back(program.parent_path() / KPI_PNG_MODULE_NAME);
    places.push_back((program.parent_path() / KPI_PNG_MODULE_FROM_PROGRAM).lexically_normal());
  }
  places.emplace_back(KPI_PNG_MODULE_INSTALLED);
  Module module;
  for (const std::filesystem::path& place : places) {
    // Never closed: the fonts that pango caches belong to it until the process ends.
    void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) {
      if (void* entry = dlsym(handle, kKpiMakePngCanvas)) {
        module.make = reinterpret_cast<MakePngCanvas>(entry);
        module.problem.clear();
        return module;
      }
    }
    const char* why = dlerror();
    if (handle != nullptr) {
      dlclose(handle);  // another kpi's module, without this version's entry point
    }
    module.problem += module.problem.empty() ? "" : "; ";
    module.problem += why != nullptr ? why : place.string() + ": cannot be loaded";
  }
  return module;
}

const Module& module() {
  static const Module loaded = load_module();  // once, thread-safe
  return loaded;
}

}  // namespace

void load_png_canvas() {
  const Module& loaded = module();
  if (loaded.make == nullptr) {
    throw Error({"usage.png-unavailable",
                 "--format png draws with the module kpi-png.so, built beside kpi (cmake --build "
                 "build) and installed with it (cmake --install build); it did not load: " +
                     loaded.problem,
                 {}});
  }
}

std::unique_ptr<PngCanvas> make_png_canvas(int width, int height, const char* fonts) {
  load_png_canvas();
  return std::unique_ptr<PngCanvas>(module().make(width, height, fonts));
}

}  // namespace kpi::report
