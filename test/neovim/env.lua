-- Shared by the Neovim test scripts: an environment variable, its default, or an error.
return function(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then
    if default ~= nil then return default end
    error('missing environment variable ' .. name)
  end
  return value
end
