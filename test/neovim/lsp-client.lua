-- A second, independent LSP client for reglint: Neovim's built-in client (0.7+), headless.
--   nvim --headless --clean -u NONE -c 'luafile test/neovim/lsp-client.lua'
-- Environment:
--   REGLINT_SERVER  path to bin/reglint-language-server.js
--   REGLINT_NODE    node executable (default: node)
--   REGLINT_FILE    the model file to open (a scratch copy: the test edits it)
--   REGLINT_CODE    the diagnostic code whose quick fix to apply
--   REGLINT_RESULT  where to write what happened, as JSON
-- Steps: start the server over stdio, attach it to the buffer, wait for diagnostics,
-- request textDocument/codeAction for the first REGLINT_CODE diagnostic, apply the
-- preferred quick fix's WorkspaceEdit, wait for the diagnostic to go away, write the
-- result and quit. Any failure is written to the result as `error`.
-- env(name, default?): ./env.lua, beside this script.
local env = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*[/\\])') .. 'env.lua')

local result = { steps = {} }
local result_path = env('REGLINT_RESULT')

local function write_result()
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function step(name) table.insert(result.steps, name) end

-- Neovim 0.7 keeps only `code` of an LSP diagnostic (in user_data.lsp): rebuild the rest
-- (range, severity, source, message) for the code-action context, or a server that
-- matches diagnostics by source finds none.
local function to_lsp(d)
  local lsp = (d.user_data and d.user_data.lsp) or {}
  return {
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
    },
    severity = d.severity,
    source = d.source or lsp.source,
    message = d.message,
    code = lsp.code or d.code,
    data = lsp.data,
  }
end

local function summarize(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    local lsp = to_lsp(d)
    table.insert(out, { line = d.lnum + 1, col = d.col + 1, code = lsp.code, source = lsp.source, severity = d.severity, message = d.message })
  end
  return out
end

local function with_code(diagnostics, code)
  local out = {}
  for _, d in ipairs(diagnostics) do
    if to_lsp(d).code == code then table.insert(out, d) end
  end
  return out
end

local function main()
  local server = env('REGLINT_SERVER')
  local path = env('REGLINT_FILE')
  local code = env('REGLINT_CODE')
  local node = env('REGLINT_NODE', 'node')

  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local ext = path:match('%.(%w+)$')
  vim.bo[bufnr].filetype = (ext == 'js' or ext == 'cjs' or ext == 'mjs') and 'javascript' or 'typescript'
  result.text_before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')

  local client_id = vim.lsp.start_client({
    name = 'reglint',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':h'),
    -- Answered for workspace/configuration (section "reglint").
    settings = { reglint = { enable = true } },
    on_exit = function(exit_code) result.server_exit = exit_code end,
  })
  if not client_id then error('vim.lsp.start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  local ok = vim.wait(20000, function() return #with_code(vim.diagnostic.get(bufnr), code) > 0 end, 50)
  result.diagnostics_before_raw = vim.diagnostic.get(bufnr)
  result.diagnostics_before = summarize(result.diagnostics_before_raw)
  if not ok then error('no ' .. code .. ' diagnostic within 20 s') end
  step('diagnostics')
  local client = vim.lsp.get_client_by_id(client_id)

  local target = with_code(vim.diagnostic.get(bufnr), code)[1]
  local lsp_diagnostic = to_lsp(target)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }
  if not client.supports_method('textDocument/codeAction') then
    error('the server does not advertise codeActionProvider')
  end
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  if not responses then error('textDocument/codeAction failed: ' .. tostring(err)) end
  local actions = {}
  for _, response in pairs(responses) do
    if response.error then error('textDocument/codeAction error: ' .. vim.inspect(response.error)) end
    for _, action in ipairs(response.result or {}) do table.insert(actions, action) end
  end
  result.actions = {}
  local chosen
  for _, action in ipairs(actions) do
    table.insert(result.actions, { title = action.title, kind = action.kind, isPreferred = action.isPreferred })
    local is_quickfix = type(action.kind) == 'string' and action.kind:sub(1, 8) == 'quickfix'
    if is_quickfix and (chosen == nil or (action.isPreferred and not chosen.isPreferred)) then chosen = action end
  end
  if not chosen then error('the server offered no quickfix code action for ' .. code) end
  step('code actions')

  -- Servers may leave the edit to codeAction/resolve (the client advertises resolveSupport).
  if not chosen.edit and not chosen.command then
    local resolved = client.request_sync('codeAction/resolve', chosen, 10000, bufnr)
    if not resolved or resolved.err then error('codeAction/resolve failed: ' .. vim.inspect(resolved and resolved.err)) end
    chosen = resolved.result
  end
  result.applied = chosen.title
  if chosen.edit then
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  end
  if chosen.command then
    local command = type(chosen.command) == 'table' and chosen.command or chosen
    client.request_sync('workspace/executeCommand', { command = command.command, arguments = command.arguments }, 10000, bufnr)
  end
  result.text_after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  step('applied')

  local count_before = #with_code(result.diagnostics_before_raw, code)
  local cleared = vim.wait(20000, function()
    return #with_code(vim.diagnostic.get(bufnr), code) == count_before - 1
  end, 50)
  result.diagnostics_after = summarize(vim.diagnostic.get(bufnr))
  if not cleared then error('the ' .. code .. ' diagnostic did not go away after the fix (had ' .. count_before .. ')') end
  step('cleared')

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then result.error = tostring(err) end
result.diagnostics_before_raw = nil
write_result()
vim.cmd(ok and 'qa!' or 'cq!')
