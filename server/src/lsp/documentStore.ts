// The open documents, kept in sync with the client's incremental edits. Unlike
// vscode-languageserver's TextDocuments, it says plainly whether an event is an open, a
// change or a close, which is what the validation scheduling needs.
import {
  type Connection,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEditRange } from '../analysis/incremental';

export interface DocumentListener {
  opened(document: TextDocument): void;
  /** `edits`: what changed, in order, each in the offsets of the text before it. */
  changed(document: TextDocument, edits: readonly TextEditRange[]): void;
  closed(uri: string): void;
}

export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  open({ textDocument }: DidOpenTextDocumentParams): TextDocument {
    const document = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    this.documents.set(textDocument.uri, document);
    return document;
  }

  /**
   * Applies the edits and says what each replaced, in the offsets of the text just before
   * it (what incremental reparsing needs). Undefined when the document was never opened (a
   * client bug); malformed params count as no document.
   */
  changeWithEdits({ textDocument, contentChanges }: DidChangeTextDocumentParams): { document: TextDocument; edits: TextEditRange[] } | undefined {
    const document = this.documents.get(textDocument?.uri);
    if (!document || !Array.isArray(contentChanges)) return undefined;
    const edits: TextEditRange[] = [];
    let updated = document;
    for (const change of contentChanges) {
      if (typeof change?.text !== 'string') continue;
      if ('range' in change && change.range) {
        // As TextDocument.update does: a reversed range is swapped, positions are clamped.
        const a = updated.offsetAt(change.range.start);
        const b = updated.offsetAt(change.range.end);
        edits.push({ start: Math.min(a, b), end: Math.max(a, b), newLength: change.text.length });
      } else {
        edits.push({ start: 0, end: updated.getText().length, newLength: change.text.length });
      }
      updated = TextDocument.update(updated, [change], textDocument.version);
    }
    if (edits.length === 0) updated = TextDocument.update(updated, [], textDocument.version);
    this.documents.set(textDocument.uri, updated);
    return { document: updated, edits };
  }

  close({ textDocument }: DidCloseTextDocumentParams): void {
    this.documents.delete(textDocument.uri);
  }

  listen(connection: Connection, listener: DocumentListener): void {
    connection.onDidOpenTextDocument(params => listener.opened(this.open(params)));
    connection.onDidChangeTextDocument(params => {
      const result = this.changeWithEdits(params);
      if (result) listener.changed(result.document, result.edits);
    });
    connection.onDidCloseTextDocument(params => {
      this.close(params);
      listener.closed(params.textDocument.uri);
    });
  }
}
